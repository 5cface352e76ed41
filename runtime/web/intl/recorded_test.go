package intl_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

// TestIntl_Recorded compares with what production's V8 gives. The expected
// values were recorded from wrangler 4.86.0 (workerd 2026-04-26, ICU 77 /
// CLDR 47) running the same expressions.
func TestIntl_Recorded(t *testing.T) {
	tests := []struct{ name, src string }{
		{"de and sv sorting", `
			assertEq(["Zebra", "Äpfel", "Apfel", "Bär", "Ärger", "arg", "Müller", "Mueller", "Muller"].sort(new Intl.Collator("de").compare).join(), "Apfel,Äpfel,arg,Ärger,Bär,Mueller,Muller,Müller,Zebra");
			assertEq(["Müller", "Mueller", "Muller", "Mzz"].sort(new Intl.Collator("de-u-co-phonebk").compare).join(), "Mueller,Müller,Muller,Mzz");
			assertEq(["äpple", "zebra", "åsna", "öl", "apa", "ångest", "Öga", "ære", "vin", "web"].sort((a, b) => a.localeCompare(b, "sv")).join(), "apa,vin,web,zebra,ångest,åsna,äpple,ære,Öga,öl");
			assertEq(["chico", "cuna", "llama", "luz", "cz", "lz", "dado"].sort(new Intl.Collator("es-u-co-trad").compare).join(), "cuna,cz,chico,dado,luz,lz,llama");
			assertEq(["chico", "cuna", "llama", "luz", "ñu", "nube", "oso"].sort(new Intl.Collator("es").compare).join(), "chico,cuna,llama,luz,nube,ñu,oso");
			assertEq(["a", "A", "b", "B"].sort(new Intl.Collator("en", { caseFirst: "upper" }).compare).join(), "A,a,B,b");
			assertEq(new Intl.Collator("en", { ignorePunctuation: true }).compare("a-b", "ab"), 0);`},
		{"Collator negotiation", `
			const ro = (l) => JSON.stringify(new Intl.Collator(l).resolvedOptions());
			assertEq(ro("th"), '{"locale":"th","usage":"sort","sensitivity":"variant","ignorePunctuation":true,"collation":"default","numeric":false,"caseFirst":"false"}');
			assertEq(ro("xx-Qqqq"), '{"locale":"en-US","usage":"sort","sensitivity":"variant","ignorePunctuation":false,"collation":"default","numeric":false,"caseFirst":"false"}');
			assertEq(ro("en-US-u-kn"), '{"locale":"en-US-u-kn","usage":"sort","sensitivity":"variant","ignorePunctuation":false,"collation":"default","numeric":true,"caseFirst":"false"}');
			assertEq(new Intl.Collator("pt-BR").resolvedOptions().locale, "pt");
			assertEq(new Intl.Collator("de-XX").resolvedOptions().locale, "de");
			assertEq(new Intl.Collator("zh-TW").resolvedOptions().locale, "zh-TW");`},
		{"toLocaleUpperCase and toLocaleLowerCase", `
			assertEq(["istanbul".toLocaleUpperCase("tr"), "İSTANBUL".toLocaleLowerCase("tr"), "IŞIK".toLocaleLowerCase("az"), "άδεια".toLocaleUpperCase("el"), "Ὀδυσσεύς".toLocaleUpperCase("el"), "i".toLocaleUpperCase("lt"), "ß".toLocaleUpperCase("de")].join(),
				"İSTANBUL,istanbul,ışık,ΑΔΕΙΑ,ΟΔΥΣΣΕΥΣ,I,SS");`},
		{"Intl.Locale data", `
			const info = (l) => { const x = new Intl.Locale(l); return JSON.stringify([x.getCalendars(), x.getCollations(), x.getHourCycles(), x.getNumberingSystems(), x.getTimeZones(), x.getTextInfo(), x.getWeekInfo(), x.maximize().toString(), x.minimize().toString()]); };
			assertEq(info("ar-EG"), '[["gregory","coptic","islamic","islamic-civil","islamic-tbla"],["compat","emoji","eor"],["h12"],["arab"],["Africa/Cairo"],{"direction":"rtl"},{"firstDay":6,"weekend":[5,6]},"ar-Arab-EG","ar"]');
			assertEq(info("de"), '[["gregory"],["emoji","eor","phonebk"],["h23"],["latn"],null,{"direction":"ltr"},{"firstDay":1,"weekend":[6,7]},"de-Latn-DE","de"]');
			assertEq(info("ja-JP"), '[["gregory","japanese"],["emoji","eor","unihan"],["h23"],["latn"],["Asia/Tokyo"],{"direction":"ltr"},{"firstDay":7,"weekend":[6,7]},"ja-Jpan-JP","ja"]');
			assertEq(info("he"), '[["gregory","hebrew","islamic","islamic-civil","islamic-tbla"],["emoji","eor"],["h23"],["latn"],null,{"direction":"rtl"},{"firstDay":7,"weekend":[5,6]},"he-Hebr-IL","he"]');
			assertEq(info("fa-IR"), '[["persian","gregory","islamic","islamic-civil","islamic-tbla"],["emoji","eor"],["h23"],["arabext"],["Asia/Tehran"],{"direction":"rtl"},{"firstDay":6,"weekend":[5]},"fa-Arab-IR","fa"]');
			assertEq(info("th"), '[["buddhist","gregory"],["emoji","eor"],["h23"],["latn"],null,{"direction":"ltr"},{"firstDay":7,"weekend":[6,7]},"th-Thai-TH","th"]');
			assertEq(info("zh-TW"), '[["gregory","roc","chinese"],["emoji","eor","pinyin","stroke","zhuyin"],["h12"],["latn"],["Asia/Taipei"],{"direction":"ltr"},{"firstDay":7,"weekend":[6,7]},"zh-Hant-TW","zh-TW"]');
			assertEq(info("hi-IN"), '[["gregory","indian"],["emoji","eor"],["h12"],["latn"],["Asia/Calcutta"],{"direction":"ltr"},{"firstDay":7,"weekend":[7]},"hi-Deva-IN","hi"]');
			assertEq(info("en-GB"), '[["gregory"],["emoji","eor"],["h23"],["latn"],["Europe/London"],{"direction":"ltr"},{"firstDay":1,"weekend":[6,7]},"en-Latn-GB","en-GB"]');
			assertEq(info("ar-MA"), '[["gregory","islamic","islamic-civil","islamic-tbla"],["compat","emoji","eor"],["h23"],["latn"],["Africa/Casablanca"],{"direction":"rtl"},{"firstDay":1,"weekend":[6,7]},"ar-Arab-MA","ar-MA"]');
			assertEq(new Intl.Locale("en-IN").getTimeZones().concat(new Intl.Locale("en-UA").getTimeZones()).join(), "Asia/Calcutta,Europe/Kiev,Europe/Simferopol");`},
		{"supportedValuesOf", `
			assertEq(Intl.supportedValuesOf("calendar").join(), "buddhist,chinese,coptic,dangi,ethioaa,ethiopic,gregory,hebrew,indian,islamic,islamic-civil,islamic-rgsa,islamic-tbla,islamic-umalqura,iso8601,japanese,persian,roc");
			assertEq(Intl.supportedValuesOf("collation").join(), "compat,emoji,eor,phonebk,pinyin,searchjl,stroke,trad,unihan,zhuyin");
			assertEq(Intl.supportedValuesOf("unit").length, 45);
			const z = Intl.supportedValuesOf("timeZone");
			assertEq(JSON.stringify([z.length, z.includes("Asia/Kolkata"), z.includes("Asia/Calcutta"), z.includes("Europe/Kyiv"), z.includes("Europe/Kiev"), z.includes("UTC"), z.includes("Etc/UTC"), z.slice(0, 5)]),
				'[418,false,true,false,true,false,false,["Africa/Abidjan","Africa/Accra","Africa/Addis_Ababa","Africa/Algiers","Africa/Asmera"]]');`},
		{"Segmenter", `
			const seg = (loc, g, s) => JSON.stringify([...new Intl.Segmenter(loc, { granularity: g }).segment(s)].map((x) => g === "word" ? [x.segment, x.index, x.isWordLike] : [x.segment, x.index]));
			assertEq(seg("en", "grapheme", "e\u0301👨‍👩‍👧🇫🇷ก\u0e33a\r\n"), '[["e\u0301",0],["👨‍👩‍👧",2],["🇫🇷",10],["กำ",14],["a",16],["\\r\\n",17]]');
			assertEq(seg("en", "word", "Hello, world! It's 3.14 e.g. don't-stop"), '[["Hello",0,true],[",",5,false],[" ",6,false],["world",7,true],["!",12,false],[" ",13,false],["It\'s",14,true],[" ",18,false],["3.14",19,true],[" ",23,false],["e",24,true],[".",25,false],["g",26,true],[".",27,false],[" ",28,false],["don\'t",29,true],["-",34,false],["stop",35,true]]');
			const words = (loc, s) => JSON.stringify([...new Intl.Segmenter(loc, { granularity: "word" }).segment(s)].map((x) => [x.segment, x.isWordLike]));
			assertEq(words("en", "The quick (\"brown\") fox can't jump 32.3 feet, right? 🎉 ok_go foo@bar.com 1,000"), '[["The",true],[" ",false],["quick",true],[" ",false],["(",false],["\\"",false],["brown",true],["\\"",false],[")",false],[" ",false],["fox",true],[" ",false],["can\'t",true],[" ",false],["jump",true],[" ",false],["32.3",true],[" ",false],["feet",true],[",",false],[" ",false],["right",true],["?",false],[" ",false],["🎉",false],[" ",false],["ok_go",true],[" ",false],["foo",true],["@",false],["bar",true],[".",false],["com",true],[" ",false],["1,000",true]]');
			assertEq(words("de", "Straße—überall"), '[["Straße",true],["—",false],["überall",true]]');
			assertEq(words("ko", "안녕하세요 세계"), '[["안녕하세요",true],[" ",false],["세계",true]]');
			assertEq(words("ar", "مرحبا بالعالم"), '[["مرحبا",true],[" ",false],["بالعالم",true]]');
			const parts = (loc, g, s) => JSON.stringify([...new Intl.Segmenter(loc, { granularity: g }).segment(s)].map((x) => x.segment));
			assertEq(parts("en", "sentence", "Hi!  Are you there?? Yes... \"Quoted.\" Next\nline. e.g. this."), '["Hi!  ","Are you there?? ","Yes... ","\\"Quoted.\\" ","Next\\n","line. e.g. this."]');
			assertEq(parts("ja", "sentence", "こんにちは。元気ですか？はい！"), '["こんにちは。","元気ですか？","はい！"]');
			assertEq(parts("en", "grapheme", "🏳️‍🌈👍🏽각\u0915\u094d\u0937"), '["🏳️‍🌈","👍🏽","각","क्ष"]');
			assertEq(parts("hi", "grapheme", "नमस्ते"), '["न","म","स्ते"]');
			const s = new Intl.Segmenter("en", { granularity: "word" }).segment("ab cd");
			assertEq(JSON.stringify([s.containing(0), s.containing(2), s.containing(4), s.containing(5), s.containing(-1)]),
				'[{"segment":"ab","index":0,"input":"ab cd","isWordLike":true},{"segment":" ","index":2,"input":"ab cd","isWordLike":false},{"segment":"cd","index":3,"input":"ab cd","isWordLike":true},null,null]');
			assertEq(JSON.stringify(new Intl.Segmenter("fr", { granularity: "word" }).resolvedOptions()), '{"locale":"fr","granularity":"word"}');
			assertThrows(() => new Intl.Segmenter("en", { granularity: "line" }), RangeError, "Value line out of range for Intl.Segmenter options property granularity");`},
	}
	h := runtimetest.New(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { h.Run(t, tt.src) })
	}
}
