package lockbox

import (
	"encoding/base32"
	"strings"
)

// A recovery key is 160 random bits written as 32 letters and digits of
// base32 in eight groups of four (ABCD-EFGH-…): short enough to copy from
// paper without a mistake, long enough that it cannot be guessed however
// fast the guessing. It is printed once, when made, and never stored.
const recoveryBytes = 20

var recoveryEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// formatRecovery writes raw as the officer will read it on paper.
func formatRecovery(raw []byte) string {
	s := recoveryEncoding.EncodeToString(raw)
	var groups []string
	for len(s) > 4 {
		groups = append(groups, s[:4])
		s = s[4:]
	}
	return strings.Join(append(groups, s), "-")
}

// normaliseRecovery reads a recovery key as an officer may type it: any
// case, with or without dashes or spaces, 0 for O and 1 for I mistyped
// from paper. ok is false when what was typed cannot be one.
func normaliseRecovery(typed []byte) (string, bool) {
	var b strings.Builder
	for _, r := range strings.ToUpper(string(typed)) {
		switch {
		case r == '-' || r == ' ' || r == '\t' || r == '\n' || r == '\r':
		case r == '0':
			b.WriteRune('O')
		case r == '1':
			b.WriteRune('I')
		case r == '8':
			b.WriteRune('B')
		default:
			b.WriteRune(r)
		}
	}
	raw, err := recoveryEncoding.DecodeString(b.String())
	if err != nil || len(raw) != recoveryBytes {
		return "", false
	}
	return formatRecovery(raw), true
}
