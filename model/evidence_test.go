package model

import "testing"

func TestCustodyEventDescribe(t *testing.T) {
	torres, peeters := Author{Name: "M. Torres", Agency: "SVA"}, Author{Name: "Dr. Peeters", Agency: "NICC"}
	broken, intact := false, true
	for _, c := range []struct {
		ev   CustodyEvent
		want string
	}{
		{CustodyEvent{Action: CustodySeized, To: torres, Place: "Antwerp", SealNumber: "BE-1"}, "seized by M. Torres (SVA) at Antwerp, seal BE-1"},
		{CustodyEvent{Action: CustodyTransferred, From: torres, To: peeters}, "transferred from M. Torres (SVA) to Dr. Peeters (NICC)"},
		{CustodyEvent{Action: CustodyReceived, From: torres, To: peeters, SealNumber: "BE-1", SealIntact: &intact}, "received by Dr. Peeters (NICC) from M. Torres (SVA), seal BE-1 intact"},
		{CustodyEvent{Action: CustodyReceived, From: peeters, To: peeters, SealIntact: &broken}, "received by Dr. Peeters (NICC), seal found BROKEN"},
		{CustodyEvent{Action: CustodyDestroyed, From: torres, Note: "court order"}, "destroyed, held by M. Torres (SVA) — court order"},
		{CustodyEvent{Action: CustodySentToLab, From: torres, To: peeters}, "sent to lab from M. Torres (SVA) to Dr. Peeters (NICC)"},
	} {
		if got := c.ev.Describe(); got != c.want {
			t.Errorf("%s: got  %q\n          want %q", c.ev.Action, got, c.want)
		}
	}
}
