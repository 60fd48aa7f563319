package model

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is returned when a record asked for by ID or ref does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a write would duplicate a record that must be
// unique (a case ref, a seizure ref within its case, a link already made).
var ErrConflict = errors.New("already exists")

// ErrNoOfficer is returned by writes made before the officer profile is set:
// every record carries its author, so nothing is written anonymously.
var ErrNoOfficer = errors.New("the officer profile is not set (name, agency and case-ref prefix)")

// FieldError says which field holds a refused value and which rule it breaks,
// in words an officer understands: `container number "MSCU1234565": check digit should be 6`.
type FieldError struct {
	Field string // the field as the officer sees it: "container number"
	Value string // the value as typed; empty when the field was left empty
	Rule  string // what is wrong, or what is expected
}

func (e *FieldError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Rule)
	}
	return fmt.Sprintf("%s %q: %s", e.Field, e.Value, e.Rule)
}

// Invalid builds a FieldError.
func Invalid(field, value, rule string, args ...any) *FieldError {
	return &FieldError{Field: field, Value: value, Rule: fmt.Sprintf(rule, args...)}
}

// ValidationError gathers every refused field of one record, so that a form
// can mark them all at once and the command line can name them in one line.
type ValidationError struct {
	Record string // "case", "seizure SZ-0004", ...
	Fields []*FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Error()
	}
	if e.Record == "" {
		return strings.Join(parts, "; ")
	}
	return e.Record + ": " + strings.Join(parts, "; ")
}

// Unwrap lets errors.As find the individual field errors.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Fields))
	for i, f := range e.Fields {
		errs[i] = f
	}
	return errs
}

// FieldErrors returns every FieldError inside err, for a form that shows each
// next to its field.
func FieldErrors(err error) []*FieldError {
	var v *ValidationError
	if errors.As(err, &v) {
		return v.Fields
	}
	var f *FieldError
	if errors.As(err, &f) {
		return []*FieldError{f}
	}
	return nil
}

// problems collects field errors while a record is validated.
type problems struct {
	record string
	fields []*FieldError
}

// add records err when it is not nil. A *FieldError is kept as it is; any other
// error is filed under field.
func (p *problems) add(field string, err error) {
	if err == nil {
		return
	}
	var f *FieldError
	if errors.As(err, &f) {
		p.fields = append(p.fields, f)
		return
	}
	p.fields = append(p.fields, &FieldError{Field: field, Rule: err.Error()})
}

// require files a "is required" error when value is blank.
func (p *problems) require(field, value string) {
	if strings.TrimSpace(value) == "" {
		p.fields = append(p.fields, &FieldError{Field: field, Rule: "is required"})
	}
}

// err returns nil when nothing was wrong, else a *ValidationError.
func (p *problems) err() error {
	if len(p.fields) == 0 {
		return nil
	}
	return &ValidationError{Record: p.record, Fields: p.fields}
}

// relabel files a validator's error under another field name: the same
// country check serves "nationality", "flag" and "origin country".
func relabel(err error, field string) error {
	var f *FieldError
	if errors.As(err, &f) {
		return &FieldError{Field: field, Value: f.Value, Rule: f.Rule}
	}
	return err
}

// normalizeInto checks an optional identifier with its validator and, when it
// is acceptable, replaces it by its canonical form. A refused value is left as
// typed, so that the form still shows what the officer wrote.
func normalizeInto(p *problems, field string, v *string, normalize func(string) (string, error)) {
	if strings.TrimSpace(*v) == "" {
		*v = ""
		return
	}
	n, err := normalize(*v)
	if err != nil {
		p.add(field, relabel(err, field))
		return
	}
	*v = n
}
