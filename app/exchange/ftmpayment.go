package exchange

import (
	"crypto/sha1"
	"fmt"
	"slices"
	"strings"

	"bollard/model"
)

// A payment in FtM is an edge from a payer to a beneficiary, both legal
// entities (persons, companies or FtM's generic LegalEntity); the accounts
// the money left and reached are only properties of it (payerAccount,
// beneficiaryAccount). Aleph draws a Payment between its payer and its
// beneficiary and nowhere else: one without them has no ends in the graph,
// and FtM's model requires both. So a relation "account A pays account B"
// is written with the holders of the two accounts as payer and beneficiary,
// and the accounts beside them.

// ftmPayable reports whether an entity of the schema can be one end of a
// Payment: a party itself, or a bank account standing for its holder. (A
// crypto wallet is neither: FtM's payerAccount takes only bank accounts.)
func ftmPayable(schema string) bool { return ftmLegal(schema) || schema == "BankAccount" }

// accountHolders are, for each exported bank account, the persons and
// companies that own it, in the order the cases list the relations: the
// investigator's "A owns account B", written as an Ownership, is how a case
// says whose account it is. A joint account has several holders, and a
// payment from it names them all as payers. Who only uses or operates an
// account (the organiser moving money through a money mule's account) is
// not its holder: naming them payer would say more than the bank's records
// do, and their UnknownLink to the account already joins them to it.
func (w *ftmWriter) accountHolders(rels []model.Relation) map[string][]string {
	holders := map[string][]string{}
	for _, r := range rels {
		owner, okOwner := w.byID[ftmID(r.FromID)]
		account, okAccount := w.byID[ftmID(r.ToID)]
		if r.Type != model.RelOwns || !okOwner || !okAccount || !ftmLegal(owner.Schema) || account.Schema != "BankAccount" {
			continue
		}
		if !slices.Contains(holders[account.ID], owner.ID) {
			holders[account.ID] = append(holders[account.ID], owner.ID)
		}
	}
	return holders
}

// payment is the relation "from pays to" as a Payment, each end a party or
// a bank account.
func (w *ftmWriter) payment(id string, from, to *FTMEntity) *FTMEntity {
	f := newFTM(id, "Payment")
	ftmSet(f, "payer", w.partyOf(from)...)
	ftmSet(f, "beneficiary", w.partyOf(to)...)
	if from.Schema == "BankAccount" {
		ftmSet(f, "payerAccount", from.ID)
	}
	if to.Schema == "BankAccount" {
		ftmSet(f, "beneficiaryAccount", to.ID)
	}
	return f
}

// partyOf is who pays or is paid at one end of a payment: the person or
// company itself, or the holders of the bank account; for an account whose
// holder the export does not name, its stand-in.
func (w *ftmWriter) partyOf(end *FTMEntity) []string {
	if end.Schema != "BankAccount" {
		return []string{end.ID}
	}
	if holders := w.holders[end.ID]; len(holders) > 0 {
		return holders
	}
	return []string{w.standInHolder(end).ID}
}

// standInHolder is the holder of an account whose holder the case does not
// name (or names in a case not exported), as an FtM LegalEntity, "Holder of
// account ES91 2100 …", owning the account. Why a stand-in rather than
// leaving the payment out or pinning it on someone: an Aleph user follows
// money through the graph, and a payment must have two ends to be drawn;
// the account is the only thing known about the party, so the party is
// named for it. LegalEntity, not Person or Company, says no more than is
// known. Every payment from or to the account meets at the same stand-in
// (its ID is made from the account's), so the flow through it stays one
// node; and when the holder is found, the officer records "X owns the
// account" and the next export names X instead, while Aleph's
// cross-referencing can match the stand-ins two agencies' exports make for
// the same account, which are named alike.
func (w *ftmWriter) standInHolder(account *FTMEntity) *FTMEntity {
	uuid := strings.TrimPrefix(account.ID, ftmIDPrefix)
	id := ftmID(derivedID(uuid, "account holder"))
	if e, ok := w.byID[id]; ok {
		return e
	}
	label := ftmFirst(account.Properties["name"])
	if label == "" {
		label = ftmFirst(account.Properties["iban"])
	}
	holder := newFTM(id, "LegalEntity")
	ftmSet(holder, "name", "Holder of account "+label)
	ftmSet(holder, "description", "Stand-in written by Bollard: the case does not say who holds account "+label+
		"; its payments are drawn from or to this entity until the holder is recorded.")
	w.add(holder)
	owns := newFTM(ftmID(derivedID(uuid, "account holder owns")), "Ownership")
	ftmSet(owns, "owner", holder.ID)
	ftmSet(owns, "asset", account.ID)
	ftmSet(owns, "role", "account holder (not identified)")
	w.add(owns)
	w.sum.StandIns++
	return holder
}

// derivedID is a UUID made from a record's ID and a name, in the form of a
// name-based (version 5) UUID: an entity Bollard adds for a record, such as
// the holder of an account, gets the same ID in every export of the record,
// from every workspace holding it, and one unlike any other record's.
func derivedID(recordID, name string) string {
	sum := sha1.Sum([]byte(recordID + "\x00" + name))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50 // version 5
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
