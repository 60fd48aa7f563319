package storage

import "bollard/model"

// AttachedHashes returns the hash of every file an exhibit has.
func (tx *Tx) AttachedHashes() (map[string]bool, error) {
	hashes := map[string]bool{}
	err := eachRow(tx, "read attachments", func(row interface{ Scan(...any) error }) (string, error) {
		var sha string
		return sha, row.Scan(&sha)
	}, func(sha string) error {
		hashes[sha] = true
		return nil
	}, `SELECT DISTINCT sha256 FROM attachments`)
	return hashes, err
}

// AuditedHashes returns every SHA-256 (64 hex digits, read in lowercase)
// that the before or after of an audit entry holds anywhere: the files the
// trail speaks of, which are kept even when no exhibit has them any more.
// A longer run of hex digits gives every 64-digit stretch of it, so a hash
// is found here exactly when it appears in the trail's text. The entries
// of removed files themselves are left out: they record that a file went,
// and would otherwise keep the same contents from ever being removed again.
func (tx *Tx) AuditedHashes() (map[string]bool, error) {
	hashes := map[string]bool{}
	err := eachRow(tx, "read the audit trail", func(row interface{ Scan(...any) error }) ([2]string, error) {
		var ba [2]string
		return ba, row.Scan(&ba[0], &ba[1])
	}, func(ba [2]string) error {
		hexRuns(ba[0], hashes)
		hexRuns(ba[1], hashes)
		return nil
	}, `SELECT before, after FROM audit_log WHERE record_type <> ?`, model.RecordFile)
	return hashes, err
}

// ReferencedHashes returns the files the workspace references: those its
// exhibits have and those its audit trail names.
func (tx *Tx) ReferencedHashes() (map[string]bool, error) {
	hashes, err := tx.AuditedHashes()
	if err != nil {
		return nil, err
	}
	attached, err := tx.AttachedHashes()
	for sha := range attached {
		hashes[sha] = true
	}
	return hashes, err
}

// HashInAudit reports whether the audit trail names the hash anywhere (as
// AuditedHashes reads it).
func (tx *Tx) HashInAudit(sha string) (bool, error) {
	var found bool
	err := tx.queryRow(`SELECT EXISTS (SELECT 1 FROM audit_log WHERE record_type <> ?
		AND (instr(lower(before), ?) > 0 OR instr(lower(after), ?) > 0))`, model.RecordFile, sha, sha).Scan(&found)
	return found, wrap("look for "+sha+" in the audit trail", err)
}

// hexRuns adds every 64-digit stretch of each run of hex digits in s,
// lowercased, to hashes.
func hexRuns(s string, hashes map[string]bool) {
	const n = 64
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isHexDigit(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start >= n {
			for j := start; j+n <= i; j++ {
				hashes[lowerASCII(s[j:j+n])] = true
			}
		}
		start = -1
	}
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'F' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
