package storage

import (
	"encoding/json"
	"fmt"
	"time"

	"bollard/model"
)

// timeLayout is how instants are stored: UTC, fixed width, microseconds, so
// that ordering by the text orders by time.
const timeLayout = "2006-01-02T15:04:05.000000Z"

// dbTime is an instant as stored.
func dbTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// dbWrittenTime is a time stored with the offset it was written in, for
// times an officer writes (a seizure's): "2026-03-14T14:30:00.000000+01:00",
// and a day alone as midnight UTC ("…T00:00:00.000000Z", model/when.go).
// Rows stored before kept UTC and read as UTC, as their audit entries say;
// none is rewritten. The text no longer sorts by time across offsets: order
// by julianday(column), which reads the offset.
func dbWrittenTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02T15:04:05.000000Z07:00")
}

// dbJSON is a list as stored: a JSON array, "[]" when empty.
func dbJSON[T any](list []T) string {
	if len(list) == 0 {
		return "[]"
	}
	b, err := json.Marshal(list)
	if err != nil {
		panic(err) // lists of strings always marshal
	}
	return string(b)
}

// timeCol scans a stored instant.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(v any) error {
	s, err := text(v)
	if err != nil || s == "" {
		*c.t = time.Time{}
		return err
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("stored time %q: %w", s, err)
	}
	*c.t = t
	return nil
}

// dateCol scans a stored calendar day.
type dateCol struct{ d *model.Date }

func (c dateCol) Scan(v any) error {
	s, err := text(v)
	if err != nil {
		return err
	}
	d, err := model.ParseDate(s)
	*c.d = d
	return err
}

// listCol scans a stored JSON list.
type listCol[T any] struct{ list *[]T }

func (c listCol[T]) Scan(v any) error {
	s, err := text(v)
	if err != nil {
		return err
	}
	*c.list = nil
	if s == "" || s == "[]" {
		return nil
	}
	return json.Unmarshal([]byte(s), c.list)
}

func text(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case []byte:
		return string(v), nil
	}
	return "", fmt.Errorf("stored value %v is not text", v)
}

// recordColumns are the columns every record table starts with, in the order
// recordArgs and recordDest use.
const recordColumns = `id, created_at, created_by_name, created_by_agency, updated_at, updated_by_name, updated_by_agency, workspace_id`

func recordArgs(r *model.Record) []any {
	return []any{r.ID, dbTime(r.CreatedAt), r.CreatedBy.Name, r.CreatedBy.Agency,
		dbTime(r.UpdatedAt), r.UpdatedBy.Name, r.UpdatedBy.Agency, r.Workspace}
}

func recordDest(r *model.Record) []any {
	return []any{&r.ID, timeCol{&r.CreatedAt}, &r.CreatedBy.Name, &r.CreatedBy.Agency,
		timeCol{&r.UpdatedAt}, &r.UpdatedBy.Name, &r.UpdatedBy.Agency, &r.Workspace}
}

// placeholders returns "?, ?, ..." for n values.
func placeholders(n int) string {
	b := make([]byte, 0, 3*n)
	for i := range n {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, '?')
	}
	return string(b)
}
