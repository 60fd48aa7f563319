package exchange

import (
	"context"
	"slices"
	"strings"

	"bollard/app"
	"bollard/model"
)

// CaseRecipients are whom a package of some cases is encrypted to when the
// officer names nobody: every known partner of the cases' agencies whose
// age key its signed packages gave.
type CaseRecipients struct {
	// Agencies are the cases' agencies: each case's lead agency and its
	// partner agencies, as the case records them.
	Agencies []string
	// Partners are the known partners of those agencies with an age key.
	Partners []model.Partner
	// Keys are their age keys, each once.
	Keys []string
}

// RecipientsOf finds the known partners of the agencies of the cases with
// those refs. A partner belongs to an agency when the agency its packages
// name is the case's, letter case and spacing aside: the same words the
// officers type in both workspaces.
func RecipientsOf(ctx context.Context, w *app.Workspace, refs ...string) (CaseRecipients, error) {
	var out CaseRecipients
	wanted := map[string]bool{}
	for _, ref := range refs {
		c, err := w.Case(ctx, ref)
		if err != nil {
			return out, err
		}
		for _, a := range append([]string{c.LeadAgency}, c.PartnerAgencies...) {
			if k := agencyKey(a); k != "" && !wanted[k] {
				wanted[k] = true
				out.Agencies = append(out.Agencies, strings.TrimSpace(a))
			}
		}
	}
	partners, err := w.Partners(ctx)
	if err != nil {
		return out, err
	}
	for _, p := range partners {
		if p.AgeRecipient == "" || !wanted[agencyKey(p.Agency)] {
			continue
		}
		if _, err := ParseRecipient(p.AgeRecipient); err != nil {
			continue // a key that does not parse encrypts to nobody
		}
		out.Partners = append(out.Partners, p)
		if !slices.Contains(out.Keys, p.AgeRecipient) {
			out.Keys = append(out.Keys, p.AgeRecipient)
		}
	}
	return out, nil
}

// agencyKey is an agency's name as compared: "Belgian  customs" is
// "Belgian Customs".
func agencyKey(a string) string { return strings.ToLower(strings.Join(strings.Fields(a), " ")) }
