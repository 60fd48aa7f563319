package storage

import (
	"context"
	"errors"
	"testing"

	"bollard/model"
)

// Every kind of record in the model's table is kept somewhere, and a
// storage table names no kind the model does not know.
func TestEveryKindHasItsSQL(t *testing.T) {
	for _, k := range model.Kinds {
		if _, ok := kindsSQL[k.Name]; !ok {
			t.Errorf("kind %q has no SQL in kindsSQL", k.Name)
		}
		if sql := kindsSQL[k.Name]; !k.AppendOnly && sql.update == nil {
			t.Errorf("kind %q is edited but has no update", k.Name)
		}
	}
	for name := range kindsSQL {
		if _, ok := model.KindNamed(name); !ok {
			t.Errorf("kindsSQL has %q, which model.Kinds does not", name)
		}
	}
}

// A record read by kind is the record read by its own function.
func TestRecordByIDReadsEachKind(t *testing.T) {
	s := mustOpen(t)
	c := &model.Case{Title: "Bananas from Guayaquil"}
	insertCase(t, s, c)
	err := s.Read(context.Background(), func(tx *Tx) error {
		for _, k := range model.Kinds {
			if _, err := tx.RecordByID(k.Name, model.NewID()); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s: a missing record gives %v, want ErrNotFound", k.Name, err)
			}
		}
		got, err := tx.RecordByID(model.RecordCase, c.ID)
		if err != nil || got.(*model.Case).Ref != c.Ref {
			t.Errorf("the case read by kind is %+v, %v; want %s", got, err, c.Ref)
		}
		if _, err := tx.RecordByID("partner", model.NewID()); err == nil {
			t.Error("a partner was read as a kind of record")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
