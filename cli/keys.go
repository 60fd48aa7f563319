package cli

import (
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"os"

	"bollard/app"
	"bollard/app/exchange"
)

// keyInfo is `keys --json`. Its fields are part of the command-line
// contract: add, never rename.
type keyInfo struct {
	Workspace     string `json:"workspace"`
	Officer       string `json:"officer"`
	Agency        string `json:"agency"`
	AgeRecipient  string `json:"age_recipient"`  // partners encrypt packages to it
	SigningPublic string `json:"signing_public"` // it signs this workspace's packages and checkpoints
}

// runKeys shows the workspace's keys, or writes its age recipient to a
// file for a partner (`keys export -o FILE`). Only public keys ever leave.
func runKeys(e *env, args []string) error {
	exporting := len(args) > 0 && args[0] == "export"
	if exporting {
		args = args[1:]
	}
	fs := flags("keys")
	asJSON := fs.Bool("json", false, "print as JSON")
	out := fs.String("o", "", "with export: the file to write the recipient to")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("keys takes no arguments (got %q): keys [--json] | keys export -o FILE", rest[0])
	}
	if exporting && *out == "" {
		return usagef("keys export needs -o FILE")
	}
	if exporting {
		if err := app.CheckOutput(*out, e.db); err != nil {
			return usagef("-o %v", err)
		}
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	id, err := w.SigningIdentity(e.ctx)
	if err != nil {
		return err
	}
	recipient, err := w.AgeRecipient(e.ctx)
	if err != nil {
		return err
	}
	info := keyInfo{Workspace: id.Workspace, Officer: id.Name, Agency: id.Agency, AgeRecipient: recipient,
		SigningPublic: base64.StdEncoding.EncodeToString(id.Key.Public().(ed25519.PublicKey))}
	if exporting {
		if _, err := os.Stat(*out); err == nil {
			return fmt.Errorf("%s exists: choose another file", *out)
		}
		if err := exchange.WriteRecipientFile(*out, recipient, id.Name+" ("+id.Agency+")"); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote %s: give it to a partner so that they can encrypt case packages to this workspace\n", *out)
		return nil
	}
	if *asJSON {
		return writeJSON(e.stdout, info)
	}
	fmt.Fprintf(e.stdout, "workspace       %s\nofficer         %s (%s)\nage recipient   %s\nsigning key     %s\n",
		info.Workspace, info.Officer, info.Agency, info.AgeRecipient, info.SigningPublic)
	return nil
}
