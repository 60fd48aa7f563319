package model

import (
	"errors"
	"testing"
)

func TestAttachmentReviewValidate(t *testing.T) {
	caseID, itemID, fileID := NewID(), NewID(), NewID()
	good := func() AttachmentReview {
		return AttachmentReview{CaseID: caseID, ItemID: itemID, AttachmentID: fileID, Shows: ShowsPersons}
	}
	tests := []struct {
		name   string
		change func(*AttachmentReview)
		field  string // the refused field, "" when valid
	}{
		{"persons", func(*AttachmentReview) {}, ""},
		{"shareable identity document", func(r *AttachmentReview) { r.Shows, r.Shareable = ShowsIdentityDocument, true }, ""},
		{"its own ID", func(r *AttachmentReview) { r.ID = ReviewID(fileID) }, ""},
		{"what it shows missing", func(r *AttachmentReview) { r.Shows = "" }, "shows"},
		{"what it shows unknown", func(r *AttachmentReview) { r.Shows = "faces" }, "shows"},
		{"no case", func(r *AttachmentReview) { r.CaseID = "" }, "case"},
		{"exhibit not a UUID", func(r *AttachmentReview) { r.ItemID = "EX-001" }, "exhibit"},
		{"no attachment", func(r *AttachmentReview) { r.AttachmentID = "" }, "attachment"},
		{"the ID of another file's review", func(r *AttachmentReview) { r.ID = ReviewID(NewID()) }, "id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := good()
			tc.change(&r)
			err := r.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want a refused %s", err, tc.field)
			}
			for _, f := range FieldErrors(err) {
				if f.Field == tc.field {
					return
				}
			}
			t.Fatalf("err = %v, want the field %s refused", err, tc.field)
		})
	}
}

func TestReviewIDIsTheSameEverywhere(t *testing.T) {
	a, b := NewID(), NewID()
	if first, again := ReviewID(a), ReviewID(a); first != again || first == ReviewID(b) {
		t.Fatal("a file's review ID should depend on the file alone")
	}
	if !ValidID(ReviewID(a)) {
		t.Fatalf("%s is not a UUID", ReviewID(a))
	}
}

func TestParseFileShows(t *testing.T) {
	for in, want := range map[string]FileShows{
		"persons": ShowsPersons, "identity_document": ShowsIdentityDocument, "Identity document": ShowsIdentityDocument,
		"nothing-personal": ShowsNothingPersonal,
	} {
		if got, err := ParseFileShows(in); err != nil || got != want {
			t.Errorf("ParseFileShows(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFileShows("faces"); err == nil {
		t.Error("faces was read as what a picture shows")
	}
}
