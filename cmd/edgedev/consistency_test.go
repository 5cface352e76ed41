package main

import (
	"flag"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"edgedev/dev"
)

func TestConsistencyFlags(t *testing.T) {
	parse := func(args ...string) (dev.Consistency, error) {
		fs := flag.NewFlagSet("dev", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		f := addConsistencyFlags(fs)
		if err := fs.Parse(args); err != nil {
			return dev.Consistency{}, err
		}
		return f.options()
	}
	for _, tt := range []struct {
		name string
		args []string
		want dev.Consistency
	}{
		{"off by default", nil, dev.Consistency{Seed: 1, Clock: "real"}},
		{"each flag", []string{"--kv-locations", "LHR, SIN", "--kv-propagation", "10s", "--kv-cache", "--kv-read-your-writes=false", "--kv-location-mode", "round-robin", "--kv-seed", "7", "--clock", "virtual"},
			dev.Consistency{Locations: []string{"LHR", "SIN"}, Propagation: 10 * time.Second, Cache: true, WriterStale: true, Mode: "round-robin", Seed: 7, Clock: "virtual"}},
		{"the preset", []string{"--kv-consistency", "production-like"},
			dev.Consistency{Locations: []string{"DFW", "LHR", "SIN"}, Propagation: 5 * time.Second, Cache: true, Mode: "random", Seed: 1, Clock: "real"}},
		{"flags override the preset", []string{"--kv-consistency", "production-like", "--kv-propagation", "0s", "--kv-cache=false", "--kv-locations", "NRT"},
			dev.Consistency{Locations: []string{"NRT"}, Cache: false, Mode: "random", Seed: 1, Clock: "real"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parse(tt.args...)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v %v\nwant %+v", got, err, tt.want)
			}
		})
	}
	t.Run("errors name the flag", func(t *testing.T) {
		for args, want := range map[string]string{
			"--kv-consistency eventual": `--kv-consistency "eventual": use strong (the default) or production-like`,
			"--kv-locations ,":          `--kv-locations "," names no location`,
		} {
			if _, err := parse(strings.Fields(args)...); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: got %v, want %q", args, err, want)
			}
		}
	})
}
