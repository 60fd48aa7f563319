package exchange_test

import (
	"testing"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/model"
)

// The content document has a list for every kind of record that travels on
// its own (every kind but an exhibit's files, which travel inside it): a
// kind added to model.Kinds without one would be silently left out of
// packages.
func TestContentCarriesEveryKind(t *testing.T) {
	var out app.Outgoing
	for _, k := range model.Kinds {
		if k.Name != model.RecordAttachment {
			out.Records = append(out.Records, k.New())
		}
	}
	c := exchange.ContentOf(out)
	back := c.Records()
	if len(back) != len(out.Records) {
		t.Fatalf("%d records went into the content document and %d came out", len(out.Records), len(back))
	}
	for i, r := range back {
		if r.RecordKind() != out.Records[i].RecordKind() {
			t.Errorf("record %d went in as a %s and came out as a %s", i, out.Records[i].RecordKind(), r.RecordKind())
		}
	}
}
