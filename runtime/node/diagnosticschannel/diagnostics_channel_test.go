package diagnosticschannel_test

import (
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

const prelude = `const dc = __edgedev_import("node:diagnostics_channel");
const err = (f) => { try { f(); return "no error"; } catch (e) { return [e.name, e.code, e.message]; } };
`

func TestDiagnosticsChannel(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	cases := []runtimetest.Case{
		{Name: "publish reaches subscribers", Src: `
			const got = [];
			const c = dc.channel("a");
			const f = (m, name) => got.push([m, name]);
			c.subscribe(f);
			c.publish({ x: 1 });
			const had = [dc.hasSubscribers("a"), c.hasSubscribers];
			c.unsubscribe(f);
			c.publish({ x: 2 });
			return [got, had, c.hasSubscribers, dc.channel("a") === c];`, Want: `[[[{"x":1},"a"]],[true,true],false,true]`},
		{Name: "module-level subscribe", Src: `
			let n = 0; const f = () => n++;
			dc.subscribe("b", f); dc.channel("b").publish(1);
			return [n, dc.unsubscribe("b", f), dc.unsubscribe("b", f)];`, Want: `[1,true,false]`},
		{Name: "errors as workerd words them", Src: `return [err(() => new dc.Channel()), err(() => new dc.TracingChannel()), err(() => dc.subscribe("x")), err(() => dc.tracingChannel())];`,
			Want: `[["TypeError",null,"Illegal constructor"],["Error",null,"Use diagnostic_channel.tracingChannels() to create TracingChannel"],["TypeError",null,"Failed to execute 'subscribe' on 'DiagnosticsChannelModule': parameter 2 is not of type 'function'."],["TypeError","ERR_INVALID_ARG_TYPE","The \"channels\" argument must be of type object. Received undefined"]]`},
		{Name: "tracing a promise", Src: `
			const tc = dc.tracingChannel("op");
			const ev = [];
			tc.subscribe({ start: () => ev.push("start"), end: () => ev.push("end"), asyncStart: () => ev.push("asyncStart"), asyncEnd: (c) => ev.push("asyncEnd:" + c.result) });
			const r = await tc.tracePromise(async () => 42, {});
			return [r, ev];`, Want: `[42,["start","end","asyncStart","asyncEnd:42"]]`},
		{Name: "runStores runs in the bound store", Src: `
			const { AsyncLocalStorage } = __edgedev_import("node:async_hooks");
			const als = new AsyncLocalStorage();
			const c = dc.channel("s");
			c.bindStore(als, (d) => ({ wrapped: d }));
			return c.runStores(5, () => als.getStore());`, Want: `{"wrapped":5}`},
	}
	for i := range cases {
		cases[i].Src = prelude + cases[i].Src
	}
	h.RunCases(t, cases)
}
