package cli

import (
	"errors"
	"fmt"
	"os"
	"time"

	"bollard/app"
	"bollard/model"
)

// auditLine is one entry in `audit --json`. Its fields are part of the
// command-line contract: add, never rename.
type auditLine struct {
	Seq        int64  `json:"seq"`
	At         string `json:"at"`
	By         string `json:"by"`
	Agency     string `json:"agency"`
	RecordType string `json:"record_type"`
	RecordID   string `json:"record_id"`
	CaseID     string `json:"case_id"`
	Action     string `json:"action"`
	Text       string `json:"text"`
	Before     string `json:"before"`
	After      string `json:"after"`
	PrevHash   string `json:"prev_hash"`
	Hash       string `json:"hash"`
	// Received is where a change an import wrote came from: the partner's
	// officer and agency, the package file's SHA-256 and the signing key.
	// Absent for a change made here.
	Received *model.Provenance `json:"received,omitempty"`
}

func runAudit(e *env, args []string) error {
	fs := flags("audit")
	caseRef := fs.String("case", "", "only the history of this case")
	asJSON := fs.Bool("json", false, "print as JSON, one entry a line")
	full := fs.Bool("sources", false, "under each change received from a partner, the package's whole SHA-256 and the signing key")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("audit takes no arguments (got %q); use --case REF for one case", rest[0])
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	var lines []app.HistoryLine
	if *caseRef != "" {
		lines, err = w.CaseHistory(e.ctx, *caseRef)
	} else {
		lines, err = w.AuditTrail(e.ctx)
	}
	if err != nil {
		return err
	}
	for _, l := range lines {
		x := l.Entry
		if *asJSON {
			line := auditLine{Seq: x.Seq, At: x.At.UTC().Format(time.RFC3339Nano), By: x.By.Name,
				Agency: x.By.Agency, RecordType: x.RecordType, RecordID: x.RecordID, CaseID: x.CaseID, Action: x.Action,
				Text: l.Text, Before: x.Before, After: x.After, PrevHash: x.PrevHash, Hash: x.Hash}
			if !x.Received.IsZero() {
				line.Received = &x.Received
			}
			err = writeJSON(e.stdout, line)
		} else {
			_, err = fmt.Fprintf(forTerminal(e.stdout), "%6d  %s  %s\n", x.Seq, x.At.UTC().Format("2006-01-02 15:04"), l.Text)
			if source := l.Source(); source != "" && err == nil && *full {
				_, err = fmt.Fprintf(forTerminal(e.stdout), "%6s  %16s  %s\n", "", "", source)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func runVerify(e *env, args []string) error {
	fs := flags("verify")
	checkpoint := fs.String("checkpoint", "", "a checkpoint file made earlier with bollard checkpoint")
	key := fs.String("key", "", "the workspace's public signing key (base64), kept apart from this laptop: the workspace and the checkpoint must be signed with it")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("verify takes no arguments (got %q)", rest[0])
	}
	var cp *model.Checkpoint
	if *checkpoint != "" {
		c, err := app.ReadCheckpoint(*checkpoint)
		if err != nil {
			return err
		}
		cp = &c
	}
	if *key != "" {
		if err := app.CheckPublicKey(*key); err != nil {
			return usagef("verify --key: %v", err)
		}
	}
	w, err := e.openToRead()
	if err != nil {
		return err
	}
	defer w.Close()
	v, err := w.VerifyAgainst(e.ctx, cp, *key)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "checked %d audit entries (last %d, %s), %d records and %d attachment files",
		v.Entries, v.Head.Seq, shortHash(v.Head.Hash), v.Records, v.Files)
	if cp != nil {
		fmt.Fprintf(e.stdout, " against the checkpoint of %s (entry %d)", cp.At.UTC().Format("2006-01-02 15:04 UTC"), cp.Seq)
	}
	fmt.Fprintln(e.stdout)
	if v.OK() {
		fmt.Fprintln(e.stdout, "all intact")
		return nil
	}
	for _, p := range v.Problems {
		fmt.Fprintln(forTerminal(e.stdout), "BROKEN: "+p)
	}
	return fmt.Errorf("verify found the workspace damaged or changed outside Bollard: %s", v.Problems[0])
}

// openToRead opens the workspace only to read it (verify): nothing is
// created, migrated, swept or written, so a read-only copy can be checked.
// An encrypted one is unlocked read-only.
func (e *env) openToRead() (*app.Workspace, error) {
	if _, err := os.Stat(e.db); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no workspace at %s", e.db)
		}
		return nil, err
	}
	return e.openAt(e.db, app.OpenReadOnly, app.UnlockReadOnly, app.UnlockReadOnlyWithKeyring)
}

func shortHash(h string) string {
	if len(h) > 16 {
		return h[:16] + "…"
	}
	if h == "" {
		return "empty trail"
	}
	return h
}

func runCheckpoint(e *env, args []string) error {
	fs := flags("checkpoint")
	out := fs.String("o", "", "the file to write the checkpoint to (required)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 || *out == "" {
		return usagef("checkpoint needs -o FILE and no arguments")
	}
	if err := app.CheckOutput(*out, e.db); err != nil {
		return usagef("-o %v", err)
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	cp, err := w.Checkpoint(e.ctx)
	if err != nil {
		return err
	}
	if err := app.WriteCheckpoint(*out, cp); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "checkpoint of audit entry %d (%s) signed and written to %s: keep it off this laptop\n", cp.Seq, shortHash(cp.Hash), *out)
	return nil
}
