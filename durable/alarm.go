package durable

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ncruces/go-sqlite3"

	"edgedev/sqlitefile"
)

// Alarms, one per object, on the session's one clock: kept in the class's
// metadata.sqlite (_cf_ALARM, as Miniflare keeps them), so an alarm set
// before a restart fires after it. A poller reads the clock every
// alarmPoll, so with --clock virtual advancing the clock fires the alarms
// that became due, in time order. A throwing alarm() is retried as on the
// platform: up to maxAlarmRetries times, after 2 s, 4 s, 8 s, ... (without
// the platform's 0-25 % jitter, so a virtual-clock test is exact); then the
// alarm is dropped.
const (
	alarmPoll       = 20 * time.Millisecond
	maxAlarmRetries = 6
)

// AlarmRunner runs an object's alarm() in the current worker instance and
// calls done once with whether it succeeded; ran is false when no
// instance could take it (the alarm stays as it was).
type AlarmRunner func(id string, retryCount int, done func(ran, ok bool))

type alarms struct {
	path string
	now  func() time.Time
	log  func(level, line string)

	mu      sync.Mutex
	conn    *sqlite3.Conn
	runner  AlarmRunner
	running map[string]bool
	retries map[string]int
	quit    chan struct{}
	stopped chan struct{}
}

func (c *Class) alarmStore() (*alarms, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.alarms != nil {
		return c.alarms, nil
	}
	a := &alarms{path: filepath.Join(c.dir, "metadata.sqlite"), now: c.now, log: c.log,
		running: map[string]bool{}, retries: map[string]int{}, quit: make(chan struct{}), stopped: make(chan struct{})}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return nil, err
	}
	conn, err := sqlitefile.Open(a.path)
	if err != nil {
		return nil, fmt.Errorf("open Durable Object alarms %s: %w%s", a.path, err, lockedHint(err))
	}
	if err := conn.Exec("CREATE TABLE IF NOT EXISTS _cf_ALARM (actor_id TEXT PRIMARY KEY, scheduled_time INTEGER NOT NULL)"); err != nil {
		conn.Close()
		return nil, fmt.Errorf("set up Durable Object alarms %s: %w (delete the file to drop the alarms)", a.path, err)
	}
	a.conn = conn
	c.alarms = a
	go a.poll()
	return a, nil
}

// SetRunner makes r the one that runs alarms (the newest worker instance).
func (c *Class) SetRunner(r AlarmRunner) error {
	a, err := c.alarmStore()
	if err != nil {
		return err
	}
	a.mu.Lock()
	a.runner = r
	a.mu.Unlock()
	return nil
}

func (a *alarms) exec(sql string, args ...any) error {
	s, _, err := a.conn.Prepare(sql)
	if err != nil {
		return err
	}
	defer s.Close()
	for i, v := range args {
		switch t := v.(type) {
		case string:
			s.BindText(i+1, t)
		case int64:
			s.BindInt64(i+1, t)
		}
	}
	return s.Exec()
}

// Set schedules the object's alarm at ms (Unix milliseconds).
func (a *alarms) Set(id string, ms int64) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.exec("INSERT OR REPLACE INTO _cf_ALARM (actor_id, scheduled_time) VALUES (?, ?)", id, ms)
}

// Delete cancels the object's alarm.
func (a *alarms) Delete(id string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.retries, id)
	return a.exec("DELETE FROM _cf_ALARM WHERE actor_id = ?", id)
}

// Get returns the object's alarm time and whether it has one.
func (a *alarms) Get(id string) (int64, bool, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.get(id)
}

func (a *alarms) get(id string) (int64, bool, error) {
	s, _, err := a.conn.Prepare("SELECT scheduled_time FROM _cf_ALARM WHERE actor_id = ?")
	if err != nil {
		return 0, false, err
	}
	defer s.Close()
	s.BindText(1, id)
	if s.Step() {
		return s.ColumnInt64(0), true, nil
	}
	return 0, false, s.Err()
}

func (a *alarms) poll() {
	defer close(a.stopped)
	t := time.NewTicker(alarmPoll)
	defer t.Stop()
	for {
		select {
		case <-a.quit:
			return
		case <-t.C:
			a.fireDue()
		}
	}
}

type due struct {
	id string
	at int64
}

// fireDue starts every due alarm not already running, earliest first.
func (a *alarms) fireDue() {
	a.mu.Lock()
	if a.runner == nil {
		a.mu.Unlock()
		return
	}
	now := a.now().UnixMilli()
	var ds []due
	if s, _, err := a.conn.Prepare("SELECT actor_id, scheduled_time FROM _cf_ALARM WHERE scheduled_time <= ? ORDER BY scheduled_time, actor_id"); err == nil {
		s.BindInt64(1, now)
		for s.Step() {
			if id := s.ColumnText(0); !a.running[id] {
				ds = append(ds, due{id, s.ColumnInt64(1)})
			}
		}
		s.Close()
	}
	run := a.runner
	for _, d := range ds {
		a.running[d.id] = true
		// The alarm is cleared as its handler starts: getAlarm() inside
		// alarm() is null, and a setAlarm() there schedules the next one.
		_ = a.exec("DELETE FROM _cf_ALARM WHERE actor_id = ?", d.id)
	}
	a.mu.Unlock()
	for _, d := range ds {
		d := d
		a.mu.Lock()
		retry := a.retries[d.id]
		a.mu.Unlock()
		run(d.id, retry, func(ran, ok bool) { a.finished(d, ran, ok) })
	}
}

func (a *alarms) finished(d due, ran, ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.running, d.id)
	_, again, _ := a.get(d.id)
	switch {
	case !ran:
		if !again {
			_ = a.exec("INSERT OR REPLACE INTO _cf_ALARM (actor_id, scheduled_time) VALUES (?, ?)", d.id, d.at)
		}
	case ok || again:
		// Done, or a new alarm set while the handler ran: that one runs
		// next instead of a retry.
		delete(a.retries, d.id)
	default:
		n := a.retries[d.id] + 1
		if n > maxAlarmRetries {
			delete(a.retries, d.id)
			a.log("warn", fmt.Sprintf("Durable Object alarm of %s failed %d times; it is dropped, as on the platform", d.id, n))
			return
		}
		a.retries[d.id] = n
		next := a.now().Add(time.Duration(2<<(n-1)) * time.Second).UnixMilli()
		_ = a.exec("INSERT OR REPLACE INTO _cf_ALARM (actor_id, scheduled_time) VALUES (?, ?)", d.id, next)
	}
}

func (a *alarms) close() error {
	close(a.quit)
	<-a.stopped
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.conn.Close()
}
