package exchange

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"bollard/model"
)

// checkJSONText refuses a JSON document (a case file, a package's content)
// any of whose strings is not clean text by model.CheckText, naming the
// record it is in and the field. It reads the raw bytes: Go's JSON decoder
// turns invalid UTF-8, and a \u escape of half a surrogate pair, into
// U+FFFD without a word, so the decoded records can no longer show that
// the file was damaged. data must already have decoded without error.
func checkJSONText(data []byte) error {
	s := &textScan{data: data}
	s.value()
	if s.problem == nil {
		return nil
	}
	return s.describe()
}

// textScan walks a JSON document that is known to be well formed.
type textScan struct {
	data    []byte
	pos     int
	path    []pathStep // where the scan is
	problem error      // the first string refused, and where
	where   []pathStep // the path to it
}

// pathStep is one step into a document: a member's key, or an array's
// element (with where the element starts, to name it later).
type pathStep struct {
	key   string
	index int
	start int
}

func (s *textScan) skipSpace() {
	for s.pos < len(s.data) && strings.IndexByte(" \t\r\n", s.data[s.pos]) >= 0 {
		s.pos++
	}
}

func (s *textScan) value() {
	s.skipSpace()
	if s.pos >= len(s.data) || s.problem != nil {
		return
	}
	switch s.data[s.pos] {
	case '{':
		s.pos++
		for s.problem == nil {
			s.skipSpace()
			if s.pos >= len(s.data) || s.data[s.pos] == '}' {
				s.pos++
				return
			}
			if s.data[s.pos] == ',' {
				s.pos++
				continue
			}
			key := s.str()
			s.check(key, true)
			s.skipSpace()
			s.pos++ // the colon
			s.path = append(s.path, pathStep{key: key, index: -1})
			s.value()
			s.path = s.path[:len(s.path)-1]
		}
	case '[':
		s.pos++
		for i := 0; s.problem == nil; {
			s.skipSpace()
			if s.pos >= len(s.data) || s.data[s.pos] == ']' {
				s.pos++
				return
			}
			if s.data[s.pos] == ',' {
				s.pos++
				continue
			}
			s.path = append(s.path, pathStep{index: i, start: s.pos})
			s.value()
			s.path = s.path[:len(s.path)-1]
			i++
		}
	case '"':
		s.check(s.str(), false)
	default: // a number, true, false or null
		for s.pos < len(s.data) && strings.IndexByte(",]} \t\r\n", s.data[s.pos]) < 0 {
			s.pos++
		}
	}
}

// check notes the first string that is not clean text.
func (s *textScan) check(text string, isKey bool) {
	field := "this field"
	if isKey {
		field = "a field name"
	}
	if err := model.CheckText(field, text); err != nil && s.problem == nil {
		s.problem = err
		s.where = append([]pathStep(nil), s.path...)
		if isKey {
			s.where = append(s.where, pathStep{key: strconv.QuoteToASCII(text), index: -1})
		}
	}
}

// str reads the string at pos as the bytes it stands for, without the
// decoder's repairs: invalid UTF-8 is kept, \u0000 becomes a NUL, and half
// a surrogate pair becomes the bytes UTF-8 would give it, which are invalid.
func (s *textScan) str() string {
	var b []byte
	s.pos++ // the opening quote
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return string(b)
		case c != '\\':
			b = append(b, c)
			s.pos++
			continue
		}
		if s.pos+1 >= len(s.data) {
			break
		}
		e := s.data[s.pos+1]
		s.pos += 2
		switch e {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := s.hex4()
			if utf16.IsSurrogate(r) {
				if r < 0xDC00 && bytes.HasPrefix(s.data[s.pos:], []byte(`\u`)) {
					save := s.pos
					s.pos += 2
					if r2 := s.hex4(); r2 >= 0xDC00 && r2 <= 0xDFFF {
						b = utf8.AppendRune(b, utf16.DecodeRune(r, r2))
						continue
					}
					s.pos = save
				}
				b = append(b, 0xED, byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F)) // invalid on purpose
				continue
			}
			b = utf8.AppendRune(b, r)
		default: // " \ /
			b = append(b, e)
		}
	}
	return string(b)
}

func (s *textScan) hex4() rune {
	if s.pos+4 > len(s.data) {
		s.pos = len(s.data)
		return utf8.RuneError
	}
	n, err := strconv.ParseUint(string(s.data[s.pos:s.pos+4]), 16, 32)
	s.pos += 4
	if err != nil {
		return utf8.RuneError
	}
	return rune(n)
}

// recordKinds names the records of each list of a case file or a
// package's content, as the officer knows them.
var recordKinds = map[string]string{
	"cases": "case", "seizures": "seizure", "entities": "entity", "links": "case link", "relations": "relation",
	"timeline": "timeline event", "tasks": "task", "notes": "note", "evidence": "exhibit", "custody": "custody event",
	"attachments": "attachment", "bases": "exchanged version", "audit": "audit entry",
}

// describe names the refused string: each record on the way to it by its
// kind and its ref, name or title (or its place in the file), then the
// field within the innermost record.
func (s *textScan) describe() error {
	var names, field []string
	for i, step := range s.where {
		if step.index < 0 {
			field = append(field, step.key)
			continue
		}
		list := ""
		if i > 0 {
			list = s.where[i-1].key
		}
		kind, isRecord := recordKinds[list]
		if !isRecord || s.data[step.start] != '{' {
			field = append(field, fmt.Sprintf("[%d]", step.index))
			continue
		}
		if len(field) > 0 {
			field = field[:len(field)-1] // the list's key is in the record's kind
		}
		if len(field) > 0 {
			names = append(names, strings.Join(field, "."))
		}
		field = nil
		name, caseID := s.recordName(step)
		if len(names) == 0 && caseID != "" {
			if ref := s.caseRef(caseID); ref != "" {
				names = append(names, "case "+ref)
			}
		}
		names = append(names, kind+" "+name)
	}
	where := strings.Join(names, ", ")
	f := strings.ReplaceAll(strings.Join(field, "."), ".[", "[")
	if f == "" {
		f = "(the document itself)"
	}
	msg := strings.TrimPrefix(strings.TrimPrefix(s.problem.Error(), "this field"), "a field name")
	if where == "" {
		return fmt.Errorf("field %s%s; nothing was imported", f, msg)
	}
	return fmt.Errorf("%s, field %s%s; nothing was imported", where, f, msg)
}

// recordName is how the record starting at step is known: its ref, name
// or title when it has one that is clean text, else its place in the list;
// and the case it belongs to, when it says.
func (s *textScan) recordName(step pathStep) (name, caseID string) {
	var rec map[string]any
	name = fmt.Sprintf("no. %d", step.index+1)
	if json.NewDecoder(bytes.NewReader(s.data[step.start:])).Decode(&rec) != nil {
		return name, ""
	}
	caseID, _ = rec["case_id"].(string)
	for _, key := range []string{"ref", "exhibit_ref", "name", "title", "id"} {
		if v, ok := rec[key].(string); ok && v != "" && cleanName(v) {
			return strconv.Quote(v), caseID
		}
	}
	return name, caseID
}

// caseRef is the ref of the case with that ID in a package's content.
func (s *textScan) caseRef(id string) string {
	var c struct {
		Cases []struct{ ID, Ref string }
	}
	if json.Unmarshal(s.data, &c) != nil {
		return ""
	}
	for _, k := range c.Cases {
		if k.ID == id && cleanName(k.Ref) {
			return strconv.Quote(k.Ref)
		}
	}
	return ""
}

// cleanName reports whether a record's name can name it in a message.
func cleanName(v string) bool {
	return model.CheckText("name", v) == nil && !strings.ContainsRune(v, utf8.RuneError)
}
