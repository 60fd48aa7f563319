package model

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// CheckText refuses a value no officer can have typed: one holding a NUL
// byte, or bytes that are not UTF-8. Such a value comes from a damaged or
// hostile file; stored, a NUL cuts the text short in the tools that read it
// (C strings, PDF, the terminal), and invalid UTF-8 would be replaced
// silently by U+FFFD somewhere between the file and the audit trail, so the
// evidence would no longer be what was received. Every import checks every
// text it takes in here, so that the rule is the same at every door. The
// value is not repeated in the error: it is the hostile part.
func CheckText(field, value string) error {
	if i := strings.IndexByte(value, 0); i >= 0 {
		return Invalid(field, "", "holds a NUL byte (at byte %d), which no text has: the file is damaged or was made to harm", i+1)
	}
	if !utf8.ValidString(value) {
		at := 0
		for at < len(value) {
			r, size := utf8.DecodeRuneInString(value[at:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			at += size
		}
		return Invalid(field, "", "is not valid UTF-8 text (at byte %d): the file is damaged, or in another encoding", at+1)
	}
	return nil
}

// CheckRecordText applies CheckText to every text of a record (a struct or
// a pointer to one): its string fields, the strings of its lists, and those
// of the structs it holds, each named by its JSON name ("aliases[1]",
// "to.name"). The store calls it on every record it writes, so that text
// that reached no import's check (a command-line argument, a form) is held
// to the same rule.
func CheckRecordText(record any) error {
	return checkValueText("", reflect.ValueOf(record))
}

func checkValueText(path string, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return checkValueText(path, v.Elem())
	case reflect.String:
		return CheckText(path, v.String())
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil // bytes are not text
		}
		for i := 0; i < v.Len(); i++ {
			if err := checkValueText(fmt.Sprintf("%s[%d]", path, i), v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			sub := path
			switch {
			case f.Anonymous && name == "":
				// an embedded struct's fields are the record's own
			case name == "":
				sub = joinPath(path, f.Name)
			default:
				sub = joinPath(path, name)
			}
			if err := checkValueText(sub, v.Field(i)); err != nil {
				return err
			}
		}
	}
	return nil
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
