package app

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"bollard/model"
	"bollard/storage"
)

// HistoryLine is one audit entry as an officer reads it: "M. Torres
// changed seizure SZ-0004 quantity 1,200 kg → 1,250 kg". A change received
// from a partner says so after the sentence: "— received from HMRC
// (J. Smith) in package 3f2a91c0…"; Entry.Received holds the package's
// whole SHA-256 and the signing key's fingerprint.
type HistoryLine struct {
	Entry model.AuditEntry
	Text  string
}

// Source is where a received change came from in full, for the officer who
// checks it against the package file and the partner's key: "package
// <sha256>, signed with key <key>". It is "" for a change made here.
func (l HistoryLine) Source() string {
	p := l.Entry.Received
	if p.IsZero() {
		return ""
	}
	return "package " + p.Package + ", signed with key " + p.Key
}

// CaseHistory returns the audit entries of the case with that ref, newest
// first: the case, everything in it, and the entities linked to it. The
// lines name records without their case, which the reader has chosen.
func (w *Workspace) CaseHistory(ctx context.Context, ref string) ([]HistoryLine, error) {
	return w.history(ctx, false, func(tx *storage.Tx) ([]model.AuditEntry, error) {
		c, err := tx.CaseByRef(ref)
		if err != nil {
			return nil, err
		}
		return tx.CaseAudit(c.ID)
	})
}

// AuditTrail returns every audit entry of the workspace, newest first. The
// lines name the case of each record that belongs to one.
func (w *Workspace) AuditTrail(ctx context.Context) ([]HistoryLine, error) {
	return w.history(ctx, true, (*storage.Tx).AuditEntries)
}

func (w *Workspace) history(ctx context.Context, withCase bool, entries func(*storage.Tx) ([]model.AuditEntry, error)) ([]HistoryLine, error) {
	var lines []HistoryLine
	err := w.read(ctx, func(tx *storage.Tx) error {
		list, err := entries(tx)
		if err != nil {
			return err
		}
		names := newRecordNames(tx)
		lines = make([]HistoryLine, len(list))
		for i, e := range list {
			text := describeEntry(e, names, withCase)
			if !e.Received.IsZero() {
				text += " — " + e.Received.String()
			}
			lines[i] = HistoryLine{Entry: e, Text: text}
		}
		return nil
	})
	return lines, err
}

// describeEntry writes an entry as a sentence, naming the records it is
// about; withCase names their case.
func describeEntry(e model.AuditEntry, names *recordNames, withCase bool) string {
	rec := parseFields(cmp.Or(e.After, e.Before))
	what := names.entryRecord(e, withCase)
	who := e.By.Name
	if who == "" {
		who = "Someone"
	}
	switch e.Action {
	case model.AuditCreate:
		return who + " " + createdText(e.RecordType, what, rec, names)
	case model.AuditUpdate:
		if text := removalText(e, names, withCase); text != "" {
			return who + " " + text
		}
		changes := changedFields(parseFields(e.Before), rec)
		if changes == "" {
			return who + " saved " + what + " unchanged"
		}
		return who + " changed " + what + " " + changes
	case model.AuditBaseline:
		return who + " recorded " + what + " as it stood when the audit trail began"
	case model.AuditArchive:
		return who + " archived " + what
	case model.AuditRestore:
		return who + " restored " + what
	case model.AuditRemove:
		if e.RecordType == model.RecordFile {
			return who + " removed the attachment file " + rec.text("sha256") + ", which no exhibit had (files prune)"
		}
		if e.RecordType == model.RecordKeyringUnlock {
			return who + " stopped this workspace being opened from the computer's keyring (keyring off); the passphrase remains"
		}
		return who + " took " + names.Entity(rec.text("entity_id")) + " off the case (" + rec.text("role") + ")"
	}
	return who + " " + e.Action + " " + what
}

func createdText(recordType, what string, rec fields, names model.Names) string {
	switch recordType {
	case model.RecordCase:
		return "opened " + what
	case model.RecordCaseLink:
		return "linked " + names.Entity(rec.text("entity_id")) + " to the case as " + strings.ReplaceAll(rec.text("role"), "_", " ")
	case model.RecordAttachment:
		return fmt.Sprintf("attached %s to exhibit %s (SHA-256 %s)", rec.text("name"), names.Exhibit(rec.text("item_id")), rec.text("sha256"))
	case model.RecordCustody:
		var ev model.CustodyEvent
		_ = json.Unmarshal([]byte(rec.json), &ev)
		return "recorded custody of exhibit " + names.Exhibit(ev.ItemID) + ": " + ev.Describe()
	case model.RecordNote:
		return "added a note"
	case model.RecordPlainWorkspace:
		return "made this workspace NOT encrypted (init --plain), for training or test data only"
	case model.RecordKeyringUnlock:
		return "let this workspace be opened from the computer's keyring (keyring on), besides the passphrase"
	case model.RecordPlainPackage:
		return fmt.Sprintf("sent case %s in the clear, NOT encrypted (export --plain), in the package %s (SHA-256 %s)", rec.text("case_ref"), rec.text("file"), rec.text("sha256"))
	}
	return "added " + what
}

// changedFields lists the fields that differ, in the record's own order:
// "quantity 1,200 kg → 1,250 kg; place Antwerp → Rotterdam".
func changedFields(before, after fields) string {
	var out []string
	for _, key := range after.order {
		if slices.Contains(model.RecordFields, key) || bytes.Equal(before.raw[key], after.raw[key]) {
			continue
		}
		old, now := formatValue(before.raw[key]), formatValue(after.raw[key])
		if key == "quantity" {
			old, now = old+" "+before.text("unit"), now+" "+after.text("unit")
		}
		out = append(out, strings.ReplaceAll(key, "_", " ")+" "+old+" → "+now)
	}
	return strings.Join(out, "; ")
}

// fields is a record's JSON object, its keys in the record's order.
type fields struct {
	json  string
	order []string
	raw   map[string]json.RawMessage
}

func parseFields(s string) fields {
	f := fields{json: s, raw: map[string]json.RawMessage{}}
	if s == "" || json.Unmarshal([]byte(s), &f.raw) != nil {
		return f
	}
	dec := json.NewDecoder(strings.NewReader(s))
	if _, err := dec.Token(); err != nil { // the opening brace
		return f
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			break
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
		f.order = append(f.order, key.(string))
	}
	return f
}

func (f fields) text(key string) string {
	var s string
	_ = json.Unmarshal(f.raw[key], &s)
	return s
}

// formatValue writes a JSON value as an officer reads it: numbers with
// thousands separators, times to the minute, lists with commas, "—" for
// nothing.
func formatValue(raw json.RawMessage) string {
	var v any
	if len(raw) == 0 || json.Unmarshal(raw, &v) != nil {
		return "—"
	}
	return formatAny(v)
}

func formatAny(v any) string {
	switch v := v.(type) {
	case nil:
		return "—"
	case bool:
		if v {
			return "yes"
		}
		return "no"
	case float64:
		return groupThousands(strconv.FormatFloat(v, 'f', -1, 64))
	case string:
		if v == "" || v == "0001-01-01T00:00:00Z" {
			return "—"
		}
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			return t.UTC().Format("2006-01-02 15:04")
		}
		return v
	case []any:
		if len(v) == 0 {
			return "—"
		}
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = formatAny(x)
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		name, _ := v["name"].(string)
		agency, _ := v["agency"].(string)
		if s := (model.Author{Name: name, Agency: agency}).String(); s != "" {
			return s
		}
		return "—"
	}
	return fmt.Sprint(v)
}

// groupThousands writes 1250.5 as 1,250.5.
func groupThousands(n string) string {
	sign := ""
	if strings.HasPrefix(n, "-") {
		sign, n = "-", n[1:]
	}
	whole, frac, _ := strings.Cut(n, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}
