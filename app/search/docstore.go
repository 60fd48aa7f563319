package search

import "encoding/binary"

// The index keeps its Docs packed, one after the other in one byte slice,
// rather than as a million Go structs each holding half a dozen strings:
// that takes a third of the memory, and a Doc is only unpacked for the few
// hits a search returns. A packed Doc is its ID, kind, title, context, case
// ref and fields, each as a length then the bytes; a title that repeats the
// first field (an entity's name) is stored once.

// kindCustom marks a packed Doc whose kind is not one of Kinds: its kind
// follows, spelt out.
const kindCustom = 0xff

// appendDoc appends d, packed, to dst.
func appendDoc(dst []byte, d Doc) []byte {
	dst = appendString(dst, d.ID)
	if k := kindIndex(d.Kind); int(k) < len(Kinds) {
		dst = append(dst, k)
	} else {
		dst = appendString(append(dst, kindCustom), string(d.Kind))
	}
	if len(d.Fields) > 0 && d.Title == d.Fields[0] {
		dst = append(dst, 0) // the title is the first field
	} else {
		dst = binary.AppendUvarint(dst, uint64(len(d.Title))+1)
		dst = append(dst, d.Title...)
	}
	dst = appendString(dst, d.Context)
	dst = appendString(dst, d.CaseRef)
	dst = binary.AppendUvarint(dst, uint64(len(d.Fields)))
	for _, f := range d.Fields {
		dst = appendString(dst, f)
	}
	return dst
}

func appendString(dst []byte, s string) []byte {
	return append(binary.AppendUvarint(dst, uint64(len(s))), s...)
}

// docReader unpacks a Doc.
type docReader struct{ b []byte }

func (r *docReader) uvarint() int {
	v, n := binary.Uvarint(r.b)
	r.b = r.b[n:]
	return int(v)
}

func (r *docReader) string() string {
	n := r.uvarint()
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// decodeDoc unpacks the Doc packed at the start of b.
func decodeDoc(b []byte) Doc {
	r := docReader{b}
	var d Doc
	d.ID = r.string()
	if k := r.b[0]; k != kindCustom {
		d.Kind, r.b = Kinds[k], r.b[1:]
	} else {
		r.b = r.b[1:]
		d.Kind = Kind(r.string())
	}
	titleLen := r.uvarint()
	if titleLen > 0 {
		d.Title = string(r.b[:titleLen-1])
		r.b = r.b[titleLen-1:]
	}
	d.Context = r.string()
	d.CaseRef = r.string()
	if n := r.uvarint(); n > 0 {
		d.Fields = make([]string, n)
		for i := range d.Fields {
			d.Fields[i] = r.string()
		}
		if titleLen == 0 {
			d.Title = d.Fields[0]
		}
	}
	return d
}

// docLen returns the length of the Doc packed at the start of b.
func docLen(b []byte) int {
	r := docReader{b}
	r.skip()
	if r.b[0] != kindCustom {
		r.b = r.b[1:]
	} else {
		r.b = r.b[1:]
		r.skip()
	}
	if n := r.uvarint(); n > 0 {
		r.b = r.b[n-1:]
	}
	r.skip()
	r.skip()
	for n := r.uvarint(); n > 0; n-- {
		r.skip()
	}
	return len(b) - len(r.b)
}

func (r *docReader) skip() { r.b = r.b[r.uvarint():] }

// decodeID unpacks only the ID of the Doc packed at the start of b.
func decodeID(b []byte) string {
	r := docReader{b}
	return r.string()
}

// slotMap finds a Doc's entry by its ID. Record IDs are UUIDs, kept as
// their 16 bytes rather than 36 characters of text, which saves a third of
// the map; any other ID (a test's "1") goes in a map of its own.
type slotMap struct {
	uuids  map[[16]byte]uint32
	others map[string]uint32
}

func newSlotMap(n int) slotMap {
	return slotMap{uuids: make(map[[16]byte]uint32, n), others: map[string]uint32{}}
}

func (m *slotMap) get(id string) (uint32, bool) {
	if k, ok := uuidKey(id); ok {
		s, ok := m.uuids[k]
		return s, ok
	}
	s, ok := m.others[id]
	return s, ok
}

func (m *slotMap) set(id string, s uint32) {
	if k, ok := uuidKey(id); ok {
		m.uuids[k] = s
		return
	}
	m.others[id] = s
}

func (m *slotMap) delete(id string) {
	if k, ok := uuidKey(id); ok {
		delete(m.uuids, k)
		return
	}
	delete(m.others, id)
}

func (m *slotMap) len() int { return len(m.uuids) + len(m.others) }

// uuidKey reads a UUID written as model.NewID writes it (lower-case hex,
// dashed 8-4-4-4-12) into its 16 bytes; ok is false for any other ID, so
// that every ID maps back to exactly the text it was given as.
func uuidKey(id string) (k [16]byte, ok bool) {
	if len(id) != 36 {
		return k, false
	}
	n := 0
	for i := 0; i < 36; {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if id[i] != '-' {
				return k, false
			}
			i++
			continue
		}
		hi, ok1 := hexDigit(id[i])
		lo, ok2 := hexDigit(id[i+1])
		if !ok1 || !ok2 {
			return k, false
		}
		k[n] = hi<<4 | lo
		n++
		i += 2
	}
	return k, true
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}
