package app

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"bollard/model"
	"bollard/storage"
)

// Verification is what `bollard verify` and the window's check at opening
// found: how much was checked, and each thing that is wrong.
type Verification struct {
	Entries    int64             // audit entries walked
	Head       model.AuditEntry  // the trail's last entry
	Files      int               // attachment files re-hashed
	Records    int               // records compared with their last audit entry
	Checkpoint *model.Checkpoint // the checkpoint compared with, if any
	Problems   []string          // each broken thing, named precisely; none when all is well

	// signingKeys are the signing keys the trail says this workspace had,
	// each with the entry that recorded it.
	signingKeys map[string]int64
	// relabel rewrites, by index in Problems, the findings about broken
	// entries once the records they name can be named by case and ref.
	relabel map[int]func(*recordNames) string
}

// OK reports whether nothing was found wrong.
func (v Verification) OK() bool { return len(v.Problems) == 0 }

// maxProblems caps how many problems of one kind are listed: a trail
// rewritten from its start would otherwise list every entry.
const maxProblems = 20

// Verify checks the workspace for tampering and damage:
//
//   - the audit trail: every entry still hashes to its hash and names its
//     predecessor's hash, with no number missing;
//   - the records: each is as its last audit entry says it was left, so a
//     change made outside Bollard shows;
//   - the files: every attachment re-hashes to the SHA-256 it was added with;
//   - whom it trusts: the partners and the workspace's own keys are records
//     too, each as its last audit entry left it;
//   - the safeguards: every trigger is the one Bollard made, by its SQL text;
//   - the attachment folder: no symbolic link, no file with another hard
//     link, nothing that is not a plain file or folder;
//   - the checkpoint, when given: it is signed by the key it names, is this
//     workspace's, and the trail still holds the entry it recorded, unchanged.
//
// Every finding names the record the way an investigator does (its case ref
// and its own ref) and, for a changed record, each field with both values.
//
// The trail and the records are read at once, in two read transactions, so
// that both cores work. Both must see the workspace in the same state: when
// a change was saved between the two (the trail's heads differ), the check
// runs again, and the third time in one transaction, one part after the
// other.
func (w *Workspace) Verify(ctx context.Context, cp *model.Checkpoint) (Verification, error) {
	return w.VerifyAgainst(ctx, cp, "")
}

// VerifyAgainst is Verify, and also checks the workspace's signing key (and
// the checkpoint's, when given) against a public key given from outside
// (base64 ed25519): a key kept apart from the laptop tells whether the
// workspace's own key was replaced. An empty key checks nothing more.
func (w *Workspace) VerifyAgainst(ctx context.Context, cp *model.Checkpoint, key string) (Verification, error) {
	key = strings.TrimSpace(key)
	for attempt := 1; ; attempt++ {
		v, sameState, err := w.verifyOnce(ctx, cp, key, attempt >= 3)
		// In one transaction both parts see the same state: its answer is final.
		if err != nil || sameState || attempt >= 3 {
			return v, err
		}
	}
}

// recordsSide is what the second read transaction finds: the records as
// they are now, and the files.
type recordsSide struct {
	head     int64
	records  map[string][sha256.Size]byte // contents hashes by type/ID
	problems []string                     // safeguards changed, files missing or changed, odd files
	// unreadable are the records that hold a value Bollard never writes,
	// and why, by type/ID: named once the chain says what they are.
	unreadable map[string]error
	files      int
	key        string // the workspace's signing key, public half, "" when none
	// exhibits are the exhibit refs by item ID, and attachments the
	// attachments whose files are checked, both taken from the records as
	// read: a row that cannot be read is a finding, not the end of the check.
	exhibits    map[string]string
	attachments []model.Attachment
}

func (w *Workspace) verifyOnce(ctx context.Context, cp *model.Checkpoint, key string, oneTransaction bool) (Verification, bool, error) {
	v := Verification{Checkpoint: cp}
	var latest map[string]lastState
	var side recordsSide
	chain := func(tx *storage.Tx) (err error) {
		if latest, err = v.walkChain(ctx, tx); err != nil || cp == nil {
			return err
		}
		return v.checkCheckpoint(tx, w.id, *cp, key)
	}
	records := func(tx *storage.Tx) error {
		head, err := tx.AuditLength()
		if err != nil {
			return err
		}
		side.head = head
		if err := side.readRecords(tx); err != nil {
			return err
		}
		return w.checkFiles(ctx, tx, &side)
	}
	var err error
	if oneTransaction {
		err = w.read(ctx, func(tx *storage.Tx) error { return errors.Join(chain(tx), records(tx)) })
	} else {
		var chainErr, recordsErr error
		var wg sync.WaitGroup
		wg.Go(func() { chainErr = w.read(ctx, chain) })
		wg.Go(func() { recordsErr = w.read(ctx, records) })
		wg.Wait()
		err = errors.Join(chainErr, recordsErr)
	}
	if err != nil {
		return v, true, err
	}
	if side.head != v.Head.Seq {
		return v, false, nil
	}
	v.Records, v.Files = len(side.records), side.files
	if key != "" && cp == nil && side.key != key {
		v.problem("%s", v.keyMismatch("the workspace's signing key", key, side.key))
	}
	err = v.compareRecords(ctx, w, latest, side.records, side.unreadable)
	v.Problems = append(v.Problems, side.problems...)
	return v, true, err
}

func (v *Verification) problem(format string, args ...any) {
	v.Problems = append(v.Problems, fmt.Sprintf(format, args...))
}

// keyMismatch says that a signing key is not the one expected from outside,
// naming both, and whether the one found was ever this workspace's.
func (v *Verification) keyMismatch(what, want, found string) string {
	if found == "" {
		return fmt.Sprintf("%s was expected to be %s, but there is none", what, want)
	}
	msg := fmt.Sprintf("%s is %s, not the expected %s", what, found, want)
	if seq, ok := v.signingKeys[want]; ok {
		msg += fmt.Sprintf(" (the expected key was this workspace's at audit entry %d: it was replaced since)", seq)
	}
	return msg
}

// lastState is, for one record, what its last audit entry left it as.
type lastState struct {
	seq   int64
	after [sha256.Size]byte
	gone  bool // the last entry removed it
}

// walkChain walks the trail from its first entry, and returns each record's
// last state on the way.
func (v *Verification) walkChain(ctx context.Context, tx *storage.Tx) (map[string]lastState, error) {
	latest := map[string]lastState{}
	var prev model.AuditEntry
	broken, forged := 0, 0
	begun := false // an entry other than a baseline was walked
	err := tx.EachAuditEntryAsStored(func(e model.AuditEntry, unreadable error) error {
		if v.Entries%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		v.Entries++
		if unreadable != nil {
			broken++
			if broken <= maxProblems {
				v.entryProblem(e, "audit entry %d (%s) holds a value Bollard never writes (%v): it was changed outside Bollard", errors.Unwrap(unreadable))
			}
		}
		switch {
		case e.Seq != prev.Seq+1:
			broken++
			if e.Seq > prev.Seq+1 {
				v.problem("audit entries %d to %d are missing: the trail goes from entry %d to entry %d", prev.Seq+1, e.Seq-1, prev.Seq, e.Seq)
			} else {
				v.problem("audit entry %d is out of order after entry %d", e.Seq, prev.Seq)
			}
		case e.PrevHash != prev.Hash:
			broken++
			if broken <= maxProblems {
				v.entryProblem(e, "audit entry %d (%s) does not chain to entry %d: the entry before it was replaced", prev.Seq)
			}
		}
		if unreadable == nil && e.ComputeHash() != e.Hash {
			broken++
			if broken <= maxProblems {
				v.entryProblem(e, "audit entry %d (%s) was changed after it was written: it no longer matches its hash")
			}
		}
		if why, ok := bollardWrote(e, latest, begun); !ok {
			forged++
			if forged <= maxProblems {
				v.forgedEntry(e, why)
			}
		}
		if e.Action != model.AuditBaseline {
			begun = true
		}
		if e.RecordType == model.RecordKey && e.RecordID == model.KeySigning {
			var k model.WorkspaceKey
			if json.Unmarshal([]byte(e.After), &k) == nil && k.PublicKey != "" {
				if v.signingKeys == nil {
					v.signingKeys = map[string]int64{}
				}
				v.signingKeys[k.PublicKey] = e.Seq
			}
		}
		latest[e.RecordType+"/"+e.RecordID] = lastState{seq: e.Seq, after: contentsHash(e.RecordType, e.After), gone: e.Action == model.AuditRemove || storage.TrailOnly(e.RecordType)}
		prev = e
		return nil
	})
	if broken > maxProblems {
		v.problem("…and %d more broken audit entries", broken-maxProblems)
	}
	if forged > maxProblems {
		v.problem("…and %d more audit entries written outside Bollard", forged-maxProblems)
	}
	v.Head = prev
	return latest, err
}

// forgedEntry notes an entry whose action Bollard never writes for its kind
// of record (an update of a custody event): however well it chains, it was
// written outside Bollard. It is named by case and ref once those are read.
func (v *Verification) forgedEntry(e model.AuditEntry, why string) {
	say := func(record string) string {
		return fmt.Sprintf("audit entry %d records %s of %s%s, a change Bollard never makes: it was written outside Bollard",
			e.Seq, actionNoun(e.Action), record, why)
	}
	v.problem("%s", say(e.RecordType+" "+e.RecordID))
	v.relabelLast(func(n *recordNames) string { return say(n.entryRecord(e, true)) })
}

// bollardWrote reports whether Bollard could have written the entry, given
// the entries before it (latest: each record's last state so far; begun: an
// entry other than a baseline came before). When not, why says what is
// wrong beyond the action itself ("" when the action is never written for
// the kind). A record is created once (again only after its removal, as a
// case link re-imported); baselines are written by migrations only, by
// Bollard, as a record's first entry, and for all but partners and keys
// only before any other entry: the trail began with them.
func bollardWrote(e model.AuditEntry, latest map[string]lastState, begun bool) (why string, ok bool) {
	if !storage.BollardWrites(e.RecordType, e.Action) {
		return "", false
	}
	last, known := latest[e.RecordType+"/"+e.RecordID]
	switch e.Action {
	case model.AuditCreate:
		if known && !last.gone {
			return fmt.Sprintf(", which audit entry %d already recorded", last.seq), false
		}
	case model.AuditBaseline:
		switch {
		case known:
			return fmt.Sprintf(", which audit entry %d already recorded", last.seq), false
		case e.By != model.AuditBaselineAuthor:
			return " by " + e.By.Name + " (baselines are written by Bollard when the trail begins)", false
		case begun && e.RecordType != model.RecordPartner && e.RecordType != model.RecordKey:
			return " after the trail began", false
		}
	}
	return "", true
}

// actionNoun names an audit entry's action in a sentence: "an update".
func actionNoun(action string) string {
	switch action {
	case model.AuditCreate:
		return "a creation"
	case model.AuditUpdate:
		return "an update"
	case model.AuditRemove:
		return "a removal"
	case model.AuditArchive:
		return "an archiving"
	case model.AuditRestore:
		return "a restoring"
	case model.AuditBaseline:
		return "a baseline"
	}
	return fmt.Sprintf("an action %q", action)
}

// entryProblem notes a finding about one audit entry: format takes the
// entry's number, its label and then args. It is written first with what
// the entry says, then named by case and ref once those are read.
func (v *Verification) entryProblem(e model.AuditEntry, format string, args ...any) {
	v.problem(format, append([]any{e.Seq, entryLabel(e)}, args...)...)
	v.relabelLast(func(n *recordNames) string {
		label := fmt.Sprintf("%s %s, %s by %s", e.Action, n.entryRecord(e, true), entryTime(e), e.By.Name)
		return fmt.Sprintf(format, append([]any{e.Seq, label}, args...)...)
	})
}

// relabelLast rewrites the last finding once the records it is about can
// be named by case and ref.
func (v *Verification) relabelLast(rewrite func(*recordNames) string) {
	if v.relabel == nil {
		v.relabel = map[int]func(*recordNames) string{}
	}
	v.relabel[len(v.Problems)-1] = rewrite
}

// entryLabel names an entry for a message: "update seizure, 2026-11-27 10:04 by M. Torres".
func entryLabel(e model.AuditEntry) string {
	return fmt.Sprintf("%s %s, %s by %s", e.Action, e.RecordType, entryTime(e), e.By.Name)
}

// entryTime is when an entry says it was written, for a message.
func entryTime(e model.AuditEntry) string {
	if e.At.IsZero() {
		return "at a time that cannot be read"
	}
	return e.At.Format("2006-01-02 15:04")
}

// readRecords reads every record's contents hash, and notes the records
// that cannot be read and the safeguards that were removed.
func (side *recordsSide) readRecords(tx *storage.Tx) error {
	side.records = map[string][sha256.Size]byte{}
	side.exhibits = map[string]string{}
	each := func(r storage.StoredRecord) error {
		if r.Unreadable != nil {
			if side.unreadable == nil {
				side.unreadable = map[string]error{}
			}
			side.unreadable[r.Type+"/"+r.ID] = r.Unreadable
			side.records[r.Type+"/"+r.ID] = [sha256.Size]byte{} // present, so not also reported missing
			return nil
		}
		side.records[r.Type+"/"+r.ID] = contentsHash(r.Type, r.JSON)
		switch r.Type {
		case model.RecordEvidence:
			var x model.EvidenceItem
			if json.Unmarshal([]byte(r.JSON), &x) == nil {
				side.exhibits[x.ID] = x.ExhibitRef
			}
		case model.RecordAttachment:
			var a model.Attachment
			if json.Unmarshal([]byte(r.JSON), &a) == nil {
				side.attachments = append(side.attachments, a)
			}
		}
		if r.Type == model.RecordKey && r.ID == model.KeySigning {
			var k model.WorkspaceKey
			_ = json.Unmarshal([]byte(r.JSON), &k)
			side.key = k.PublicKey
		}
		return nil
	}
	if err := tx.EachStoredRecord(each); err != nil {
		return err
	}
	if err := tx.EachTrustRecord(each); err != nil {
		return err
	}
	safeguards, err := tx.CheckSafeguards()
	for _, p := range safeguards {
		side.problems = append(side.problems, p.Text)
	}
	return err
}

// compareRecords checks that every record is as its last audit entry left
// it, and that every record the trail knows is still there.
func (v *Verification) compareRecords(ctx context.Context, w *Workspace, latest map[string]lastState, records map[string][sha256.Size]byte, unreadable map[string]error) error {
	var added, changed, back, missing []string
	for key, now := range records {
		last, ok := latest[key]
		switch {
		case !ok:
			added = append(added, key)
		case last.gone:
			back = append(back, key)
		case now == [sha256.Size]byte{}:
			// unreadable: already reported
		case now != last.after:
			changed = append(changed, key)
		}
	}
	for key, last := range latest {
		if _, ok := records[key]; !ok && !last.gone {
			missing = append(missing, key)
		}
	}
	if len(added)+len(changed)+len(back)+len(missing)+len(unreadable)+len(v.relabel) == 0 {
		return nil
	}
	// Few are expected: the records are named, and their fields compared,
	// only now, in one more pass over the workspace.
	var found []string
	err := w.read(ctx, func(tx *storage.Tx) error {
		names := newRecordNames(nil)
		wanted := map[string]bool{}
		for _, key := range append(append([]string{}, added...), changed...) {
			wanted[key] = true
		}
		current := map[string]string{}
		each := func(r storage.StoredRecord) error {
			names.learnJSON(r.Type, r.JSON)
			if wanted[r.Type+"/"+r.ID] {
				current[r.Type+"/"+r.ID] = r.JSON
			}
			return nil
		}
		if err := tx.EachStoredRecord(each); err != nil {
			return err
		}
		if err := tx.EachTrustRecord(each); err != nil {
			return err
		}
		for i, problem := range v.relabel {
			v.Problems[i] = problem(names)
		}
		recorded := func(key string) (model.AuditEntry, error) { return auditEntry(tx, latest[key].seq) }
		for _, key := range added {
			if unreadable[key] != nil {
				continue // named below, once
			}
			typ, id, _ := strings.Cut(key, "/")
			found = append(found, fmt.Sprintf("%s is not in the audit trail: it was added outside Bollard", names.label(typ, id, current[key], true)))
		}
		for _, key := range changed {
			e, err := recorded(key)
			if err != nil {
				return err
			}
			name := names.label(e.RecordType, e.RecordID, e.After, true)
			fields, reencoded := fieldChanges(e.After, current[key], unaudited(e.RecordType))
			var msg string
			if fields == "" && sameValue(json.RawMessage(e.After), json.RawMessage(current[key])) || fields == "" && len(reencoded) > 0 {
				// The same values, written in other bytes: not a change of
				// value, but still not bytes Bollard wrote.
				msg = fmt.Sprintf("%s differs from its last audit entry (%d) in its bytes, not its values: it was re-encoded outside Bollard", name, e.Seq)
			} else {
				msg = fmt.Sprintf("%s differs from its last audit entry (%d): it was changed outside Bollard", name, e.Seq)
				if fields != "" {
					msg += ": " + fields
				}
			}
			if len(reencoded) > 0 {
				msg += fmt.Sprintf(" (%s: the same value, re-encoded)", strings.Join(reencoded, ", "))
			}
			found = append(found, msg)
		}
		for key, why := range unreadable {
			typ, id, _ := strings.Cut(key, "/")
			name, how := typ+" "+id, "it was changed outside Bollard"
			last, ok := latest[key]
			if !ok {
				how = "it is not in the audit trail: it was added outside Bollard"
			}
			if ok {
				e, err := auditEntry(tx, last.seq)
				if err != nil {
					return err
				}
				name = names.label(e.RecordType, e.RecordID, e.After, true)
			}
			found = append(found, fmt.Sprintf("%s holds a value Bollard never writes (%v): %s", name, why, how))
		}
		for _, key := range back {
			e, err := recorded(key)
			if err != nil {
				return err
			}
			found = append(found, fmt.Sprintf("%s was removed at audit entry %d but is back: it was restored outside Bollard",
				names.label(e.RecordType, e.RecordID, e.Before, true), e.Seq))
		}
		for _, key := range missing {
			e, err := recorded(key)
			if err != nil {
				return err
			}
			found = append(found, fmt.Sprintf("%s is missing: audit entry %d recorded it, but it is no longer in the workspace",
				names.label(e.RecordType, e.RecordID, e.After, true), e.Seq))
		}
		return nil
	})
	sort.Strings(found)
	if len(found) > maxProblems {
		found = append(found[:maxProblems], fmt.Sprintf("…and %d more records that differ from the audit trail", len(found)-maxProblems))
	}
	v.Problems = append(v.Problems, found...)
	return err
}

// auditEntry reads one entry for a finding: an entry with a value Bollard
// never writes is already reported, and still names its record.
func auditEntry(tx *storage.Tx, seq int64) (model.AuditEntry, error) {
	e, err := tx.AuditEntry(seq)
	var bad *storage.UnreadableEntry
	if errors.As(err, &bad) {
		return bad.Entry, nil
	}
	return e, err
}

// unaudited are the fields of a record of that kind that Bollard changes
// without an audit entry of the record's own, which verification leaves
// aside when it compares the record with its trail: a case's last change
// moves when a record in the case changes (storage's TouchCase), and that
// record's own entry records the change.
func unaudited(recordType string) []string {
	if recordType == model.RecordCase {
		return []string{"updated_at", "updated_by"}
	}
	return nil
}

// contentsHash is the SHA-256 of a record's JSON, to compare a record with
// its last audit entry. A record with unaudited fields is compared without
// them, by its values.
func contentsHash(recordType, recordJSON string) [sha256.Size]byte {
	if leave := unaudited(recordType); leave != nil && recordJSON != "" {
		if r, err := model.RecordFromJSON(recordType, recordJSON); err == nil {
			b, _ := json.Marshal(r)
			var fields map[string]json.RawMessage
			if json.Unmarshal(b, &fields) == nil {
				for _, f := range leave {
					delete(fields, f)
				}
				b, _ = json.Marshal(fields)
				return sha256.Sum256(b)
			}
		}
	}
	return sha256.Sum256([]byte(recordJSON))
}

// checkFiles re-hashes every attached file once, and names every exhibit
// that has a file that is missing or no longer matches.
func (w *Workspace) checkFiles(ctx context.Context, tx *storage.Tx, side *recordsSide) error {
	problem := func(format string, args ...any) { side.problems = append(side.problems, fmt.Sprintf(format, args...)) }
	checked := map[string]error{}
	exhibits := side.exhibits
	odd, err := w.blobs.ScanBlobs()
	for _, o := range odd {
		problem("the attachment folder holds %s; Bollard never stores such a thing", o)
	}
	if err != nil {
		problem("the attachment folder could not be scanned whole: %v", err)
	}
	sort.Slice(side.attachments, func(i, j int) bool {
		a, b := side.attachments[i], side.attachments[j]
		if a.ItemID != b.ItemID {
			return a.ItemID < b.ItemID
		}
		return a.AddedAt.Before(b.AddedAt)
	})
	for _, a := range side.attachments {
		if err := ctx.Err(); err != nil {
			return err
		}
		err, done := checked[a.SHA256]
		if !done {
			err = w.blobs.Check(a.SHA256)
			checked[a.SHA256] = err
			side.files++
		}
		var mismatch *storage.BlobMismatch
		var odd *storage.NotPlainFile
		var damaged *storage.BlobDamaged
		switch {
		case err == nil:
		case errors.Is(err, storage.ErrBlobMissing):
			problem("exhibit %s: the file %s (SHA-256 %s) is missing from the workspace", exhibits[a.ItemID], a.Name, a.SHA256)
		case errors.As(err, &mismatch):
			problem("exhibit %s: the file %s no longer matches its SHA-256 %s: it now hashes to %s", exhibits[a.ItemID], a.Name, a.SHA256, mismatch.Got)
		case errors.As(err, &odd):
			problem("exhibit %s: the file %s (SHA-256 %s) is %s in the attachment folder, not a plain file: Bollard never stores one, and it was not read",
				exhibits[a.ItemID], a.Name, a.SHA256, odd.What)
		case errors.As(err, &damaged):
			// Left in place: it shows what happened to the folder.
			problem("exhibit %s: the file %s (SHA-256 %s) %s; it was not deleted",
				exhibits[a.ItemID], a.Name, a.SHA256, damaged.Why)
		default:
			problem("exhibit %s: the file %s could not be checked: %v", exhibits[a.ItemID], a.Name, err)
		}
	}
	return nil
}

// checkCheckpoint compares the trail with a checkpoint made earlier.
// The checkpoint's signature is checked against the key it names; that key
// must be the one expected from outside (when given) and this workspace's.
func (v *Verification) checkCheckpoint(tx *storage.Tx, workspace string, cp model.Checkpoint, expected string) error {
	if err := cp.CheckSignature(); err != nil {
		v.problem("%v", err)
		return nil
	}
	if expected != "" && cp.PublicKey != expected {
		v.problem("the checkpoint was signed with the key %s, not the expected %s", cp.PublicKey, expected)
		return nil
	}
	key, err := tx.PublicKey()
	if err != nil {
		// A damaged key is a finding (the key record cannot be read), not
		// the end of the check.
		v.problem("the checkpoint cannot be checked against this workspace's signing key: %v", err)
		return nil
	}
	if cp.Workspace != workspace {
		v.problem("the checkpoint was made by another workspace (%s), not this one (%s)", cp.Workspace, workspace)
		return nil
	}
	if key != cp.PublicKey {
		msg := fmt.Sprintf("the checkpoint was signed with the key %s, but this workspace's signing key is %s", cp.PublicKey, key)
		if key == "" {
			msg = fmt.Sprintf("the checkpoint was signed with the key %s, but this workspace has no signing key", cp.PublicKey)
		}
		if seq, ok := v.signingKeys[cp.PublicKey]; ok {
			msg += fmt.Sprintf(": the key the checkpoint names was this workspace's at audit entry %d, and was replaced since", seq)
		} else {
			msg += ": the signing key was replaced, or the checkpoint is not this workspace's"
		}
		v.problem("%s", msg)
		return nil
	}
	when := cp.At.Format("2006-01-02 15:04")
	if cp.Seq == 0 {
		// A checkpoint of a trail that was still empty: any trail extends it.
		if cp.Hash != "" {
			v.problem("the checkpoint of %s is damaged: it records no entry but a hash", when)
		}
		return nil
	}
	if v.Head.Seq < cp.Seq {
		v.problem("the audit trail ends at entry %d, but the checkpoint of %s recorded %d entries: entries %d to %d were deleted",
			v.Head.Seq, when, cp.Seq, v.Head.Seq+1, cp.Seq)
		return nil
	}
	e, err := auditEntry(tx, cp.Seq)
	if errors.Is(err, model.ErrNotFound) {
		v.problem("audit entry %d, which the checkpoint of %s recorded, is missing", cp.Seq, when)
		return nil
	}
	if err != nil {
		return err
	}
	if e.Hash != cp.Hash {
		v.problem("audit entry %d differs from the checkpoint of %s: the trail was rewritten after it", cp.Seq, when)
	}
	return nil
}
