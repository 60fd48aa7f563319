package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/storage/disk"
)

// runExportFTM writes the cases as FollowTheMoney entities, one JSON object
// a line, for a partner to load into Aleph or any FtM tool. The file is
// written beside its final name and renamed into place, so that a failed
// export leaves no half file to be sent by mistake.
func runExportFTM(e *env, refs []string, out string) error {
	if len(refs) == 0 || out == "" {
		return usagef("export --format ftm needs case refs and -o FILE.json, e.g. bollard export ESA-2026-0001 --format ftm -o case.ftm.json")
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	var files []app.CaseFile
	for _, ref := range refs {
		f, err := w.CaseFile(e.ctx, ref)
		if err != nil {
			if app.IsNotFound(err) {
				return fmt.Errorf("export: %w", e.noCase(ref))
			}
			return fmt.Errorf("export: %w", err)
		}
		files = append(files, f)
	}
	tmp, err := disk.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*") // case material: its owner's only
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name()) // once renamed, there is nothing left to remove
	sum, err := exchange.WriteFTM(tmp, files...)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = disk.Replace(tmp.Name(), out)
	}
	if disk.IsInUse(err) {
		return err // names the file and says what to do
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(e.stdout, "exported %s to %s as FollowTheMoney: %d entities (%s)\n",
		strings.Join(refs, ", "), out, sum.Entities, schemaCounts(sum.Schemata))
	if sum.LeftOut > 0 {
		fmt.Fprintf(e.stdout, "  %d phones or e-mail addresses not exported: FtM has no entity for them and no person or company in the case uses them\n", sum.LeftOut)
	}
	if sum.StandIns > 0 {
		fmt.Fprintf(e.stdout, "  %d bank accounts pay or are paid but the cases do not say who holds them: their payments are drawn from or to a stand-in \"Holder of account …\" (record who owns the account to name the holder)\n", sum.StandIns)
	}
	return nil
}

// schemaCounts writes "3 Person, 2 Company, ..." in a stable order.
func schemaCounts(m map[string]int) string {
	var parts []string
	for _, s := range []string{"Project", "Event", "Person", "Company", "LegalEntity", "Vessel", "Vehicle", "Address", "BankAccount", "CryptoWallet",
		"ProjectParticipant", "Ownership", "Directorship", "Employment", "Family", "Associate", "Payment", "UnknownLink"} {
		if m[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", m[s], s))
		}
	}
	return strings.Join(parts, ", ")
}
