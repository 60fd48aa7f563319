package storage

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bollard/model"
)

// Every audited(...) and auditedRecord(...) call with a fixed action must
// be in writtenActions: otherwise verify would call Bollard's own entries
// forged.
func TestWrittenActionsListEveryAuditedCall(t *testing.T) {
	records := map[string]string{"model.RecordCase": model.RecordCase, "model.RecordSeizure": model.RecordSeizure, "model.RecordEntity": model.RecordEntity,
		"model.RecordCaseLink": model.RecordCaseLink, "model.RecordRelation": model.RecordRelation, "model.RecordEvent": model.RecordEvent, "model.RecordTask": model.RecordTask,
		"model.RecordNote": model.RecordNote, "model.RecordEvidence": model.RecordEvidence, "model.RecordAttachment": model.RecordAttachment,
		"model.RecordCustody": model.RecordCustody, "model.RecordPartner": model.RecordPartner, "model.RecordKey": model.RecordKey, "model.RecordFile": model.RecordFile,
		"model.RecordAttachmentReview": model.RecordAttachmentReview,
		"model.RecordPlainPackage":     model.RecordPlainPackage, "model.RecordPlainWorkspace": model.RecordPlainWorkspace,
		"model.RecordKeyringUnlock": model.RecordKeyringUnlock}
	actions := map[string]string{"AuditCreate": model.AuditCreate, "AuditUpdate": model.AuditUpdate,
		"AuditArchive": model.AuditArchive, "AuditRestore": model.AuditRestore, "AuditRemove": model.AuditRemove}
	call := regexp.MustCompile(`(?:audited\(tx, |auditedRecord\()(model\.Record\w+), (?:model\.(Audit\w+)|(\w+)),`)
	files, _ := filepath.Glob("*.go")
	calls := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			calls++
			typ, ok := records[m[1]]
			if !ok {
				t.Errorf("%s: audited(tx, %s, …): a record type this test does not know", f, m[1])
				continue
			}
			if m[2] == "" {
				continue // an action chosen at run time: PutPartner's create or update
			}
			if !BollardWrites(typ, actions[m[2]]) {
				t.Errorf("%s: audited(tx, %s, model.%s, …) is not in writtenActions", f, m[1], m[2])
			}
		}
	}
	if calls < 20 {
		t.Errorf("found %d audited calls: the pattern no longer matches", calls)
	}
	for typ := range records {
		if !TrailOnly(records[typ]) && typ != "model.RecordFile" && !BollardWrites(records[typ], model.AuditBaseline) {
			t.Errorf("%s has no baseline entries in writtenActions", typ)
		}
	}
	for _, written := range [][2]string{{model.RecordCase, model.AuditArchive}, {model.RecordCaseLink, model.AuditRemove},
		{model.RecordCaseLink, model.AuditUpdate}, {model.RecordNote, model.AuditUpdate},
		{model.RecordSeizure, model.AuditUpdate}, {model.RecordCustody, model.AuditCreate}, {model.RecordPartner, model.AuditUpdate}} {
		if !BollardWrites(written[0], written[1]) {
			t.Errorf("BollardWrites(%q, %q) = false", written[0], written[1])
		}
	}
	for _, forged := range [][2]string{{model.RecordCustody, model.AuditUpdate}, {model.RecordNote, model.AuditRemove},
		{model.RecordSeizure, model.AuditRemove},
		{model.RecordAttachment, model.AuditUpdate}, {model.RecordKey, model.AuditUpdate}, {"nothing", model.AuditCreate}} {
		if BollardWrites(forged[0], forged[1]) {
			t.Errorf("BollardWrites(%q, %q) = true", forged[0], forged[1])
		}
	}
}
