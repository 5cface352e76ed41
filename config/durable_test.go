package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestDurableClasses(t *testing.T) {
	got, err := DurableClasses([]Migration{
		{Tag: "v1", NewClasses: []string{"A", "B"}},
		{Tag: "v2", NewSQLiteClasses: []string{"C"}, RenamedClasses: []RenamedClass{{From: "A", To: "A2"}}, DeletedClasses: []string{"B"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]bool{"A2": false, "C": true}; !reflect.DeepEqual(got, want) {
		t.Errorf("classes = %v, want %v", got, want)
	}
	for _, c := range []struct {
		name string
		ms   []Migration
		want string
	}{
		{"new twice", []Migration{{Tag: "v1", NewClasses: []string{"A"}}, {Tag: "v2", NewSQLiteClasses: []string{"A"}}}, "Cannot apply new_sqlite_classes migration to existing class A"},
		{"rename of nothing", []Migration{{Tag: "v1", RenamedClasses: []RenamedClass{{From: "X", To: "Y"}}}}, "Cannot apply renamed_classes migration to non-existent class X"},
		{"delete of nothing", []Migration{{Tag: "v1", DeletedClasses: []string{"X"}}}, "Cannot apply deleted_classes migration to non-existent class X"},
	} {
		if _, err := DurableClasses(c.ms); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}
