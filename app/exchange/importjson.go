package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"time"

	"bollard/app"
	"bollard/model"
)

// maxCaseFile bounds what ReadDocument accepts, so that a wrong file (a disk
// image picked by mistake) is refused instead of filling memory.
const maxCaseFile = 512 << 20

// ReadDocument reads a JSON case file, refusing anything that is not one:
// another format, a newer version, a field this version does not know (a
// typo would otherwise be dropped silently), a syntax error (with its line).
func ReadDocument(r io.Reader) (Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxCaseFile+1))
	if err != nil {
		return Document{}, err
	}
	if len(data) > maxCaseFile {
		return Document{}, fmt.Errorf("the file is larger than %d MB; it is not a case file", maxCaseFile>>20)
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return Document{}, jsonError(data, err)
	}
	if head.Format != CaseFormat {
		return Document{}, fmt.Errorf("not a Bollard case file: \"format\" should be %q", CaseFormat)
	}
	if head.Version > CaseFormatVersion {
		return Document{}, fmt.Errorf("the file is version %d of the case format; this Bollard reads up to version %d: update Bollard", head.Version, CaseFormatVersion)
	}
	if head.Version < 1 {
		return Document{}, errors.New("the file has no \"version\"")
	}
	var d Document
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return Document{}, valueError(data, err)
	}
	if dec.More() {
		return Document{}, errors.New("the file holds more than one JSON document")
	}
	if err := checkJSONText(data); err != nil {
		return Document{}, err
	}
	if len(d.Cases) == 0 {
		return Document{}, errors.New("the file holds no cases")
	}
	return d, nil
}

// valueError says which value of the file was refused while decoding, and
// on which line, and what a date or time should look like. (The decoder
// has read the whole document by then; the line is found by the value.)
func valueError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	if errors.As(err, &syntax) || errors.As(err, &typ) || errors.Is(err, io.ErrUnexpectedEOF) {
		return jsonError(data, err)
	}
	var parse *time.ParseError
	if errors.As(err, &parse) {
		return fmt.Errorf("line %d: time %q should be written as 2026-09-12T05:40:00Z (RFC 3339, with its zone)", lineOf(data, parse.Value), parse.Value)
	}
	var field *model.FieldError
	if errors.As(err, &field) {
		return fmt.Errorf("line %d: %v", lineOf(data, field.Value), field)
	}
	return errors.New(trimJSONPrefix(err.Error()))
}

// lineOf is the line where the string value first appears in the file.
func lineOf(data []byte, value string) int {
	quoted, _ := json.Marshal(value)
	i := bytes.Index(data, quoted)
	if i < 0 {
		return 0
	}
	return lineAt(data, int64(i))
}

// jsonError says where in the file a JSON error is, by line.
func jsonError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Errorf("line %d: %v", lineAt(data, syntax.Offset), syntax)
	case errors.As(err, &typ):
		return fmt.Errorf("line %d: %q should be %s, not %s", lineAt(data, typ.Offset), typ.Field, jsonKind(typ.Type), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return errors.New("the file ends too early: it is truncated or empty")
	}
	return errors.New(trimJSONPrefix(err.Error()))
}

// jsonKind names what a Go type looks like in JSON, in plain words.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Float32, reflect.Float64, reflect.Int, reflect.Int64, reflect.Int32:
		return "a number"
	case reflect.String:
		return "text in quotes"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list [...]"
	}
	return "an object {...}"
}

func lineAt(data []byte, offset int64) int {
	offset = min(offset, int64(len(data)))
	return 1 + bytes.Count(data[:offset], []byte("\n"))
}

func trimJSONPrefix(s string) string {
	if len(s) > 6 && s[:6] == "json: " {
		return s[6:]
	}
	return s
}

// Summary counts what an import added.
type Summary struct {
	Cases          int      `json:"cases"`
	Seizures       int      `json:"seizures"`
	Entities       int      `json:"entities"`        // new entities
	SharedEntities int      `json:"shared_entities"` // entities already in the workspace, linked again
	Links          int      `json:"links"`
	Relations      int      `json:"relations"`
	Events         int      `json:"timeline_events"`
	Tasks          int      `json:"tasks"`
	Notes          int      `json:"notes"`
	Refs           []string `json:"refs"` // the refs of the imported cases
}

// Import adds every case of the document to the workspace in one
// transaction: all of it, or, at the first refused record, none of it.
// Records keep their IDs and history when the file gives them. An entity
// whose ID is already in the workspace is linked, not copied: entities are
// shared between cases. A case already in the workspace is refused.
func Import(ctx context.Context, w *app.Workspace, d Document) (Summary, error) {
	var sum Summary
	err := w.Change(ctx, func(b *app.Batch) error {
		sum = Summary{}
		for i := range d.Cases {
			name := caseName(d.Cases[i].Case) // before the import gives it a ref
			if err := importCase(b, &d.Cases[i], &sum); err != nil {
				return fmt.Errorf("case %d (%s): %w", i+1, name, err)
			}
		}
		return nil
	})
	if err != nil {
		return Summary{}, err
	}
	return sum, nil
}

// caseName names a case in an error: its ref, else its title shortened.
func caseName(c model.Case) string {
	if c.Ref != "" {
		return c.Ref
	}
	if r := []rune(c.Title); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return c.Title
}

func importCase(b *app.Batch, c *Case, sum *Summary) error {
	if c.ID != "" {
		if existing, err := b.Case(c.ID); err == nil {
			return fmt.Errorf("this case is already in the workspace as %s: %w", existing.Ref, model.ErrConflict)
		}
	}
	if err := b.CreateCase(&c.Case); err != nil {
		return err
	}
	sum.Cases++
	sum.Refs = append(sum.Refs, c.Ref)
	caseID := c.ID

	ids := map[string]string{} // an entity's id or key in the file → its ID here
	for i := range c.Entities {
		e := &c.Entities[i]
		id, err := importEntity(b, e, ids, sum)
		if err != nil {
			return fmt.Errorf("entity %d (%s): %w", i+1, e.Name, err)
		}
		l := model.CaseLink{Record: e.Link, CaseID: caseID, EntityID: id, Role: e.Role, Note: e.RoleNote}
		if err := b.LinkEntity(&l); err != nil {
			return fmt.Errorf("entity %d (%s): %w", i+1, e.Name, err)
		}
		sum.Links++
	}
	for i := range c.Seizures {
		s := &c.Seizures[i]
		s.CaseID = caseID
		if !slices.Contains(model.Units, s.Unit) {
			// A file written by hand or by another tool may say "cartones";
			// a unit it cannot read is left for the seizure's check to name.
			if u, ok := parseUnitWord(string(s.Unit), s.Category); ok {
				s.Unit = u
			}
		}
		if err := b.AddSeizure(s); err != nil {
			return fmt.Errorf("seizure %d: %w", i+1, err)
		}
		sum.Seizures++
	}
	for i := range c.Relations {
		r := &c.Relations[i]
		from, okFrom := ids[r.FromID]
		to, okTo := ids[r.ToID]
		switch {
		case !okFrom:
			return fmt.Errorf("relation %d: from_id %q is not the id or key of an entity of this case", i+1, r.FromID)
		case !okTo:
			return fmt.Errorf("relation %d: to_id %q is not the id or key of an entity of this case", i+1, r.ToID)
		}
		r.FromID, r.ToID = from, to
		if r.ID != "" && relationExists(b, r.ID) {
			continue // already here: it came with another case of the same network
		}
		if err := b.AddRelation(r); err != nil {
			return fmt.Errorf("relation %d: %w", i+1, err)
		}
		sum.Relations++
	}
	for i := range c.Timeline {
		c.Timeline[i].CaseID = caseID
		if err := b.AddTimelineEvent(&c.Timeline[i]); err != nil {
			return fmt.Errorf("timeline event %d: %w", i+1, err)
		}
		sum.Events++
	}
	for i := range c.Tasks {
		c.Tasks[i].CaseID = caseID
		if err := b.AddTask(&c.Tasks[i]); err != nil {
			return fmt.Errorf("task %d: %w", i+1, err)
		}
		sum.Tasks++
	}
	for i := range c.Notes {
		c.Notes[i].CaseID = caseID
		if err := b.AddNote(&c.Notes[i]); err != nil {
			return fmt.Errorf("note %d: %w", i+1, err)
		}
		sum.Notes++
	}
	return nil
}

// importEntity returns the workspace ID of a case's entity: one met earlier
// in the file, one already in the workspace (by its ID, or by an identifier
// that names one thing in the world, such as an IMO number), or a new one.
// An entity already here is linked and the copy here is kept; the file's
// copy must still be valid.
func importEntity(b *app.Batch, e *Entity, ids map[string]string, sum *Summary) (string, error) {
	for _, name := range []string{e.ID, e.Key} {
		if id, ok := ids[name]; ok && name != "" {
			return id, nil // the same entity in a second role
		}
	}
	fileID := e.ID
	if err := e.Validate(b.Now()); err != nil { // also puts identifiers in canonical form
		return "", err
	}
	var id string
	if e.ID != "" && entityExists(b, e.ID) {
		id = e.ID
	} else if same, found, err := b.SameEntity(e.Entity); err != nil {
		return "", err
	} else if found {
		id = same.ID
	}
	if id != "" {
		sum.SharedEntities++
	} else {
		if err := b.CreateEntity(&e.Entity); err != nil {
			return "", err
		}
		id = e.ID
		sum.Entities++
	}
	for _, name := range []string{fileID, e.Key, id} {
		if name != "" {
			ids[name] = id
		}
	}
	return id, nil
}

func entityExists(b *app.Batch, id string) bool {
	_, err := b.Entity(id)
	return err == nil
}

func relationExists(b *app.Batch, id string) bool {
	_, err := b.Relation(id)
	return err == nil
}
