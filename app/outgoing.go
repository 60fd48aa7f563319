package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"bollard/model"
	"bollard/storage"
)

// Outgoing is what a case package carries out of the workspace: the cases
// asked for with everything that belongs to them, as a Bundle (the other
// side's Workspace.Merge takes the same), who gathered them when, and the
// files their exhibits attach. app/exchange writes it in its file format.
type Outgoing struct {
	Bundle
	Workspace string // this workspace's ID
	At        time.Time
	By        model.Author
	// Files are the attachment files, each once, with their size and how
	// to read them.
	Files []OutgoingFile
	// exported are the versions of the records gathered, by kind then ID:
	// once the package is written they become the last-exchanged ones
	// (RememberExported).
	exported map[string]map[string]string
}

// OutgoingFile is one attachment file an outgoing bundle carries.
type OutgoingFile struct {
	SHA256 string
	Size   int64
	// Open reads the file's contents through the workspace's store: in an
	// encrypted workspace the file on disk is sealed, so no path is given.
	Open func() (io.ReadCloser, error)
}

// Outgoing gathers the cases with those refs, each once, with their
// seizures, entities and links, relations, timeline, tasks, notes,
// exhibits with custody and the reviews of their files, and the audit
// entries about them (this workspace's and those it kept from others). A relation travels when
// both its ends do: one to an entity of no case gathered would name an
// entity the other side does not have.
func (w *Workspace) Outgoing(ctx context.Context, refs ...string) (Outgoing, error) {
	if len(refs) == 0 {
		return Outgoing{}, errors.New("no case to export")
	}
	officer, err := w.Officer(ctx)
	if err != nil {
		return Outgoing{}, err
	}
	out := Outgoing{Workspace: w.ID(), At: w.Now().UTC(), By: officer.Author(), exported: map[string]map[string]string{}}
	byKind := map[string][]model.Recorded{}
	add := func(r model.Recorded) { byKind[r.RecordKind()] = append(byKind[r.RecordKind()], r) }
	seenCase, seenEntity, seenRelation, seenFile, seenAudit := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	var relations []model.Relation
	for _, ref := range refs {
		f, err := w.caseFile(ctx, ref, storage.WithRemoved)
		if err != nil {
			return Outgoing{}, fmt.Errorf("case %s: %w", ref, err)
		}
		if seenCase[f.Case.ID] {
			continue
		}
		seenCase[f.Case.ID] = true
		add(&f.Case)
		for i := range f.Seizures {
			add(&f.Seizures[i])
		}
		for _, ce := range f.Entities {
			add(&ce.Link)
			if !seenEntity[ce.Entity.ID] {
				seenEntity[ce.Entity.ID] = true
				add(&ce.Entity)
			}
		}
		for _, r := range f.Relations {
			if !seenRelation[r.ID] {
				seenRelation[r.ID] = true
				relations = append(relations, r)
			}
		}
		for i := range f.Timeline {
			add(&f.Timeline[i])
		}
		for i := range f.Tasks {
			add(&f.Tasks[i])
		}
		for i := range f.Notes {
			add(&f.Notes[i])
		}
		for _, x := range f.Evidence {
			add(&x.Item)
			for i := range x.Custody {
				add(&x.Custody[i])
			}
			for _, a := range x.Item.Attachments {
				if r, ok := x.Reviews[a.ID]; ok {
					add(&r)
				}
			}
			for _, a := range x.Item.Attachments {
				if !seenFile[a.SHA256] {
					seenFile[a.SHA256] = true
					out.Files = append(out.Files, OutgoingFile{SHA256: a.SHA256, Size: a.Size, Open: w.attachmentOpener(a.SHA256)})
				}
			}
		}
		audit, err := w.caseAuditEntries(ctx, f.Case.ID)
		if err != nil {
			return Outgoing{}, err
		}
		for _, e := range audit {
			if key := e.Workspace + "/" + fmt.Sprint(e.Seq); !seenAudit[key] {
				seenAudit[key] = true
				out.Audit = append(out.Audit, e)
			}
		}
	}
	for i, r := range relations {
		if seenEntity[r.FromID] && seenEntity[r.ToID] {
			add(&relations[i])
		}
	}
	for _, k := range model.Kinds {
		out.Records = append(out.Records, byKind[k.Name]...)
	}
	return out, w.gatherBases(ctx, &out)
}

// gatherBases notes the version of each outgoing record, to remember once
// it has gone, and carries the version that last travelled, for those that
// travelled before: the ancestor the other side's merge compares with;
// and the partners' versions conflicts on it were settled against here.
func (w *Workspace) gatherBases(ctx context.Context, out *Outgoing) error {
	out.Bases, out.Settled = map[string]string{}, map[string][]string{}
	return w.read(ctx, func(tx *storage.Tx) error {
		for _, r := range out.Records {
			kind, id := r.RecordKind(), r.RecordID()
			if out.exported[kind] == nil {
				out.exported[kind] = map[string]string{}
			}
			out.exported[kind][id] = recordJSON(r)
			js, ok, err := tx.ExchangeBase(kind, id)
			if err != nil {
				return err
			}
			if ok {
				out.Bases[id] = js
			}
			settled, err := tx.SettledAgainst(kind, id)
			if err != nil {
				return err
			}
			if len(settled) > 0 {
				out.Settled[id] = settled
			}
		}
		return nil
	})
}

// RememberExported makes the versions an outgoing bundle carried the
// last-exchanged ones, outside any officer's change: remembering what was
// exported changes no record. Call it once the package is written. A
// record with an open conflict keeps the ancestor the conflict was found
// against, so that the conflict stands until the officer settles it.
func (w *Workspace) RememberExported(ctx context.Context, out Outgoing) error {
	now := w.Now()
	return w.store.Write(ctx, func(tx *storage.Tx) error {
		for _, k := range model.Kinds {
			ids := make([]string, 0, len(out.exported[k.Name]))
			for id := range out.exported[k.Name] {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			for _, id := range ids {
				if _, open, err := tx.OpenConflict(k.Name, id); err != nil || open {
					if err != nil {
						return err
					}
					continue
				}
				if err := tx.SetExchangeBase(k.Name, id, out.exported[k.Name][id], now); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// attachmentOpener reads the file with that SHA-256 when called.
func (w *Workspace) attachmentOpener(sha string) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return w.OpenAttachment(sha) }
}
