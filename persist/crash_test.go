package persist_test

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"edgedev/persist"
	"edgedev/persist/persisttest"
)

const crashChildEnv = "EDGEDEV_PERSIST_CRASH_CHILD"

// crashValue is the value the child writes under key i: big enough to span
// several pages, so a torn write would show.
func crashValue(i int) []byte {
	return bytes.Repeat([]byte(fmt.Sprintf("value-%06d|", i)), 3000)
}

// TestMain lets this test binary double as the child of TestCrash.
func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	os.Exit(m.Run())
}

// crashChild writes keys forever, printing "ack N" after each Put returns.
func crashChild(path string) {
	s, err := persist.Open(path, persist.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		key := fmt.Sprintf("k%06d", i)
		if _, err := s.Put("ns", persist.Item{Key: key, Value: crashValue(i), Metadata: []byte(strconv.Itoa(i))}, t0); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stdout, "ack %d\n", i)
	}
}

// TestCrash kills a writing process with SIGKILL at a random moment and
// checks that every write it acknowledged is there, whole, after reopening.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	seed := rand.Uint64()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	for round := range 3 {
		path := persisttest.Path(t)
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		killAt := 20 + rng.IntN(200)
		acked := -1
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			n, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "ack "))
			if err != nil {
				t.Fatalf("child said %q", sc.Text())
			}
			acked = n
			if n == killAt {
				cmd.Process.Kill() // SIGKILL: no deferred Close, no flush
				break
			}
		}
		cmd.Wait()
		if acked != killAt {
			t.Fatalf("round %d: child stopped after ack %d, before %d", round, acked, killAt)
		}

		s, err := persist.Open(path, persist.Options{})
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		ks, _, err := s.List("ns", persist.ListOptions{}, t0)
		if err != nil {
			t.Fatal(err)
		}
		if len(ks) < acked+1 {
			t.Fatalf("round %d: %d keys survived, %d were acknowledged", round, len(ks), acked+1)
		}
		for i := range len(ks) {
			e, ok, err := s.Get("ns", fmt.Sprintf("k%06d", i), t0)
			if err != nil || !ok {
				t.Fatalf("round %d: acknowledged key %d: %v %v", round, i, ok, err)
			}
			if !bytes.Equal(e.Value, crashValue(i)) || string(e.Metadata) != strconv.Itoa(i) {
				t.Fatalf("round %d: key %d came back torn", round, i)
			}
		}
		s.Close()
	}
}
