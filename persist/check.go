package persist

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"slices"

	"edgedev/hint"
)

// A bbolt file starts with two meta pages (bbolt's internal/common/meta.go):
// after a page header of 16 bytes, magic, version, page size and flags
// (uint32 each), the root bucket (pgid and sequence), the freelist's pgid,
// the high-water pgid (the number of pages the file holds), the txid and a
// FNV-64a checksum of everything before it. bbolt maps the whole file and
// trusts those numbers: a file cut short below its high-water mark is read
// past its end, which is SIGBUS, not an error. checkFile reads them first.
const (
	pageHeaderSize = 16
	metaSize       = 64 // the fields above, checksum included
	boltMagic      = 0xED0CDAED
	minPageSize    = 512
)

type metaPage struct {
	pageSize       uint32
	pgid           uint64
	txid           uint64
	root, freelist uint64
}

// Page flags (bbolt's internal/common/page.go), at offset 8 of a page.
const (
	branchPageFlag   = 0x01
	leafPageFlag     = 0x02
	freelistPageFlag = 0x10
)

// checkFile reports why the file at path cannot be a sound bbolt file, as a
// damaged-store error, or nil (also when there is no file yet).
func checkFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	size := fi.Size()
	if size == 0 {
		return damagedError(path, "the file is empty (0 bytes): it was cut short, since edgedev never leaves an empty store")
	}
	m0, err0 := readMeta(f, 0)
	if err0 != nil {
		return damagedError(path, "its first page is not a store header ("+err0.Error()+")")
	}
	m1, err1 := readMeta(f, int64(m0.pageSize))
	best := m0
	if err1 == nil && m1.txid > m0.txid {
		best = m1
	}
	if need := int64(best.pgid) * int64(best.pageSize); size < need {
		return damagedError(path, fmt.Sprintf("the file is %d bytes, but its header says its data runs to %d: it was cut short", size, need))
	}
	// bbolt reads these two pages as it opens, and panics (leaving the
	// file locked in this process) if they are not what the header says.
	for _, pg := range []struct {
		id    uint64
		what  string
		flags []uint16
	}{{best.freelist, "freelist", []uint16{freelistPageFlag}}, {best.root, "root", []uint16{branchPageFlag, leafPageFlag}}} {
		var hdr [16]byte
		if _, err := f.ReadAt(hdr[:], int64(pg.id)*int64(best.pageSize)); err != nil {
			return damagedError(path, fmt.Sprintf("its %s page %d cannot be read: %v", pg.what, pg.id, err))
		}
		got := binary.LittleEndian.Uint16(hdr[8:])
		if binary.LittleEndian.Uint64(hdr[0:]) != pg.id || !slices.Contains(pg.flags, got) {
			return damagedError(path, fmt.Sprintf("its %s page %d is not a %s page", pg.what, pg.id, pg.what))
		}
	}
	return nil
}

// readMeta reads and checks the meta page at off.
func readMeta(r io.ReaderAt, off int64) (metaPage, error) {
	buf := make([]byte, pageHeaderSize+metaSize)
	if _, err := r.ReadAt(buf, off); err != nil {
		return metaPage{}, fmt.Errorf("cannot read %d bytes at %d: %v", len(buf), off, err)
	}
	m := buf[pageHeaderSize:]
	le := binary.LittleEndian
	if le.Uint32(m[0:]) != boltMagic {
		return metaPage{}, errors.New("no bbolt magic number")
	}
	h := fnv.New64a()
	_, _ = h.Write(m[:metaSize-8])
	if h.Sum64() != le.Uint64(m[metaSize-8:]) {
		return metaPage{}, errors.New("its checksum does not match")
	}
	mp := metaPage{pageSize: le.Uint32(m[8:]), pgid: le.Uint64(m[40:]), txid: le.Uint64(m[48:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:])}
	if mp.pageSize < minPageSize || mp.pageSize&(mp.pageSize-1) != 0 {
		return metaPage{}, fmt.Errorf("page size %d", mp.pageSize)
	}
	if root, free := le.Uint64(m[16:]), le.Uint64(m[32:]); root >= mp.pgid || free >= mp.pgid {
		return metaPage{}, fmt.Errorf("its root or freelist page (%d, %d) lies past its last page (%d)", root, free, mp.pgid)
	}
	return mp, nil
}

// damagedError says which store file is damaged, how, and what to do.
func damagedError(path, what string) error {
	return hint.With(fmt.Errorf("%w: %s: %s", ErrDamaged, path, what),
		fmt.Sprintf("restore it from a backup, or move it aside to start with an empty store: mv %s %s.damaged", path, path))
}
