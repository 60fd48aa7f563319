package model

import (
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
