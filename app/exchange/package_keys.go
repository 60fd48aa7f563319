package exchange

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"filippo.io/age"

	"bollard/storage/disk"
)

// ParseRecipient reads an age public key (age1...), as a partner's
// workspace shows it in Settings or writes it to a key file.
func ParseRecipient(s string) (age.Recipient, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "age1") {
		return nil, fmt.Errorf("%q is not an age public key (they start with age1)", clip(s))
	}
	r, err := age.ParseX25519Recipient(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not a valid age public key: %v", clip(s), err)
	}
	return r, nil
}

// ReadRecipientFile reads a key file: one age public key a line, blank
// lines and lines starting with # (a comment saying whose key it is)
// ignored. It is what `bollard export --recipient KEYFILE` reads, and what
// WriteRecipientFile writes.
func ReadRecipientFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, disk.InUse(path, err)
	}
	defer f.Close()
	keys, err := ReadRecipients(io.LimitReader(f, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return keys, nil
}

// ReadRecipients reads age public keys, one a line; see ReadRecipientFile.
func ReadRecipients(r io.Reader) ([]string, error) {
	var keys []string
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if line == 1 {
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if _, err := ParseRecipient(s); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		keys = append(keys, s)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("no age public key in it")
	}
	return keys, nil
}

// WriteRecipientFile writes a workspace's age public key to a file a
// partner can encrypt packages to, with a comment saying whose it is.
func WriteRecipientFile(path, recipient, whose string) error {
	if _, err := ParseRecipient(recipient); err != nil {
		return err
	}
	var b strings.Builder
	if whose = strings.Join(strings.Fields(whose), " "); whose != "" {
		fmt.Fprintf(&b, "# Bollard case packages for %s\n", whose)
	}
	b.WriteString(recipient + "\n")
	// A public key, made to be handed out, but written like every other
	// file Bollard writes: its owner's only, until the officer hands it on
	// (issue 21). A file already there keeps its mode through WriteFile,
	// hence OwnerOnly after it.
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		return disk.InUse(path, err)
	}
	return disk.OwnerOnly(path)
}

// parseIdentities reads the age secret keys and passphrase a package may be
// opened with.
func parseIdentities(opt OpenOptions) ([]age.Identity, error) {
	var ids []age.Identity
	for _, s := range opt.Identities {
		id, err := age.ParseX25519Identity(strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("open the package: a key given to open it is not an age secret key")
		}
		ids = append(ids, id)
	}
	if opt.Passphrase != "" {
		id, err := age.NewScryptIdentity(opt.Passphrase)
		if err != nil {
			return nil, fmt.Errorf("open the package: %w", err)
		}
		// A hostile package could ask for any cost; past this one, scrypt
		// takes gigabytes. The writer uses less.
		id.SetMaxWorkFactor(maxScryptWorkFactor)
		ids = append(ids, id)
	}
	return ids, nil
}

// maxScryptWorkFactor is the highest scrypt cost a package may ask of the
// reader: 2^19 rounds take half a gigabyte of memory and a few seconds.
// Writers use 18.
const maxScryptWorkFactor = 19
