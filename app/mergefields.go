package app

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"bollard/model"
	"bollard/storage"
)

// A merge compares records field by field, in the form the audit trail
// writes them: a JSON object per record. These are the few operations it
// needs on that form, shared by the three-way merge, the conflicts it
// raises and their resolution.

// recordJSON is a record written the way the workspace compares and
// remembers it (the audit trail's form).
func recordJSON(v any) string { return storage.RecordJSON(v) }

// fieldsOf splits a record's JSON into its fields; "" has none.
func fieldsOf(js string) map[string]json.RawMessage {
	m := map[string]json.RawMessage{}
	if js != "" {
		_ = json.Unmarshal([]byte(js), &m)
	}
	return m
}

// keysOf lists, sorted, the fields any of the records has.
func keysOf(records ...map[string]json.RawMessage) []string {
	var keys []string
	for _, m := range records {
		for k := range m {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

// set gives a field a value; no value (nil) removes the field.
func set(record map[string]json.RawMessage, field string, v json.RawMessage) {
	if v == nil {
		delete(record, field)
		return
	}
	record[field] = v
}

// equalValue compares two JSON values; absent, null, "", [], {} and the
// zero time are the same absence of a value.
func equalValue(a, b json.RawMessage) bool {
	return string(normal(a)) == string(normal(b))
}

func normal(v json.RawMessage) json.RawMessage {
	switch strings.TrimSpace(string(v)) {
	case "", "null", `""`, "[]", "{}", `"0001-01-01T00:00:00Z"`:
		return nil
	}
	return v
}

// sameVersion reports whether two versions of a record of that kind hold
// the same values, in the fields a merge compares (those not fixed).
func sameVersion(kind model.Kind, a, b string) bool {
	fa, fb := fieldsOf(a), fieldsOf(b)
	for _, k := range keysOf(fa, fb) {
		if !kind.FixedField(k) && !equalValue(fa[k], fb[k]) {
			return false
		}
	}
	return true
}

// containsVersion reports whether v is among the versions: the same
// values, saved by the same officer at the same moment. Values alone are
// not enough: an officer who settles a conflict by keeping what they had
// saves the values the partner has already seen, but as a new version, a
// decision the partner has not seen yet.
func containsVersion(kind model.Kind, versions []string, v string) bool {
	for _, x := range versions {
		if x != "" && sameVersion(kind, x, v) && sameSave(x, v) {
			return true
		}
	}
	return false
}

// sameSave reports whether two versions were last saved by the same
// officer at the same moment.
func sameSave(a, b string) bool {
	fa, fb := fieldsOf(a), fieldsOf(b)
	return equalValue(fa["updated_at"], fb["updated_at"]) && equalValue(fa["updated_by"], fb["updated_by"])
}

// laterChange reports whether version a was last changed after version
// b: by its time, then, for two changes in the same microsecond, by who
// made it. Every workspace orders two versions the same way, which keeps
// the merges of the same versions alike everywhere.
func laterChange(a, b string) bool {
	var ta, tb struct {
		UpdatedAt time.Time    `json:"updated_at"`
		UpdatedBy model.Author `json:"updated_by"`
	}
	_ = json.Unmarshal([]byte(a), &ta)
	_ = json.Unmarshal([]byte(b), &tb)
	if !ta.UpdatedAt.Equal(tb.UpdatedAt) {
		return ta.UpdatedAt.After(tb.UpdatedAt)
	}
	return ta.UpdatedBy.String() > tb.UpdatedBy.String()
}

// latestCommon is the ancestor of a three-way merge: of the versions both
// sides have known, the one last changed. When each side has seen the
// other's version (a criss-cross, after both settled a conflict), both
// pick the same one, and so merge alike.
func latestCommon(kind model.Kind, ours, theirs []string) string {
	best := ""
	for _, v := range ours {
		if v != "" && containsVersion(kind, theirs, v) && (best == "" || laterChange(v, best)) {
			best = v
		}
	}
	return best
}

// removedField is the field of a tombstone (model.Record.Removed).
const removedField = "removed"

// removedOneSideEditedOther reports whether one side removed the record
// while the other edited it, given the fields only theirs changed (taken)
// and only ours changed (kept).
func removedOneSideEditedOther(taken, kept []string) bool {
	return slices.Contains(taken, removedField) && len(kept) > 0 ||
		slices.Contains(kept, removedField) && len(taken) > 0
}

// orNull writes no value as JSON null.
func orNull(raw json.RawMessage) json.RawMessage {
	if raw == nil {
		return json.RawMessage("null")
	}
	return raw
}

// take gives a record the values another version has in those fields.
func take(record, from map[string]json.RawMessage, names []string) {
	for _, f := range names {
		set(record, f, from[f])
	}
}
