// Package lockbox keeps the key that unlocks an encrypted workspace, sealed
// under the officer's passphrase (and, when the officer asked for one, under
// a recovery key), in a small file beside the workspace file.
//
// Why a separate key rather than the passphrase itself: the workspace key is
// 32 random bytes that never change, so changing the passphrase rewrites
// this one file and not gigabytes of database and attachments; and a
// recovery key can open the same lockbox without knowing the passphrase.
//
// The passphrase is stretched with argon2id (RFC 9106) into a key-sealing
// key; the workspace key is sealed with XChaCha20-Poly1305, so a wrong
// passphrase and a tampered lockbox are both refused, and neither says
// anything of what the workspace holds.
package lockbox

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/hkdf"

	"bollard/storage/disk"
)

// Suffix is added to the workspace file's name to name its lockbox:
// /x/bollard.db -> /x/bollard.db.lockbox.
const Suffix = ".lockbox"

// format names this layout of the lockbox file; a later layout gets a new
// name, and this release refuses one it does not know rather than guess.
const format = "bollard-lockbox/1"

// KeySize is the size of the workspace key and of the keys made from it.
const KeySize = 32

// MinPassphrase is the fewest characters a passphrase may have. A lost
// laptop gives an attacker unlimited offline guesses; argon2id makes each
// one cost, and length does the rest.
const MinPassphrase = 12

var (
	// ErrWrongSecret says the passphrase or recovery key does not open the
	// lockbox. It says nothing more: not which of the two was meant, not
	// how close it was.
	ErrWrongSecret = errors.New("the passphrase or recovery key is not this workspace's")

	// ErrNoLockbox says the workspace has no lockbox: it is not encrypted.
	ErrNoLockbox = errors.New("the workspace is not encrypted (it has no lockbox)")

	// ErrExists says a lockbox is already there; one is never replaced,
	// or the workspace it unlocks would be lost.
	ErrExists = errors.New("the workspace already has a lockbox; it was left as it is")
)

// WeakPassphraseError says a new passphrase is too short.
type WeakPassphraseError struct{ Length int }

func (e *WeakPassphraseError) Error() string {
	return fmt.Sprintf("the passphrase has %d characters; it needs at least %d (a few ordinary words make a good one)", e.Length, MinPassphrase)
}

// Params are argon2id's costs. They are stored in the lockbox, so a
// lockbox made with other costs (an older release's, a test's) still opens.
type Params struct {
	Time      uint32 `json:"time"`       // passes over the memory
	MemoryKiB uint32 `json:"memory_kib"` // memory, in KiB
	Threads   uint8  `json:"threads"`    // lanes
}

// Default are the costs new lockboxes are made with: 32 MiB, 8 passes, 2
// lanes, about 0.57 s in a fresh process on the 2-core machine Bollard is
// tested on (measured 2026-12-05; there, faulting in memory costs more than
// hashing it: 256 MiB took 3.7 s for a single pass, so memory beyond 32 MiB
// was bought with passes instead). This is above OWASP's argon2id floor
// (19 MiB, 2 passes); an unlock is a fraction of a second on a laptop.
var Default = Params{Time: 8, MemoryKiB: 32 << 10, Threads: 2}

// Path is the lockbox of the workspace file at workspacePath.
func Path(workspacePath string) string { return workspacePath + Suffix }

// file is the lockbox as stored, JSON.
type file struct {
	Format     string  `json:"format"`
	KDF        string  `json:"kdf"` // always "argon2id"
	Params     Params  `json:"params"`
	Passphrase sealed  `json:"passphrase"`
	Recovery   *sealed `json:"recovery,omitempty"`
	// Keyring is the optional keyring slot (keyring.go).
	Keyring *keyringSlot `json:"keyring,omitempty"`
}

// sealed is the workspace key sealed under one secret.
type sealed struct {
	Salt   string `json:"salt"`   // base64, 16 bytes, for argon2id
	Nonce  string `json:"nonce"`  // base64, 24 bytes
	Sealed string `json:"sealed"` // base64, the key and its tag
}

// Options are what Create is asked for.
type Options struct {
	Recovery bool   // also seal the key under a recovery key, returned once
	Params   Params // zero: Default
}

// Exists reports whether the workspace at workspacePath has a lockbox.
func Exists(workspacePath string) (bool, error) {
	_, err := os.Lstat(Path(workspacePath))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, os.ErrNotExist):
		return false, nil
	}
	return false, fmt.Errorf("lockbox: %w", err)
}

// Create makes a new workspace key and its lockbox, sealed under
// passphrase and, when asked, under a new recovery key, which is returned
// (formatted for printing) and never stored. It refuses to replace an
// existing lockbox. The caller forgets the key (Forget) when done.
func Create(workspacePath string, passphrase []byte, opt Options) (key []byte, recovery string, err error) {
	if err := CheckPassphrase(passphrase); err != nil {
		return nil, "", err
	}
	if ok, err := Exists(workspacePath); err != nil {
		return nil, "", err
	} else if ok {
		return nil, "", ErrExists
	}
	params := opt.Params
	if params == (Params{}) {
		params = Default
	}
	key = make([]byte, KeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, "", fmt.Errorf("lockbox: make the workspace key: %w", err)
	}
	f := file{Format: format, KDF: "argon2id", Params: params}
	if f.Passphrase, err = seal(key, passphrase, params); err != nil {
		Forget(key)
		return nil, "", err
	}
	if opt.Recovery {
		raw := make([]byte, recoveryBytes)
		if _, err := rand.Read(raw); err != nil {
			Forget(key)
			return nil, "", fmt.Errorf("lockbox: make the recovery key: %w", err)
		}
		recovery = formatRecovery(raw)
		s, err := seal(key, []byte(recovery), params)
		Forget(raw)
		if err != nil {
			Forget(key)
			return nil, "", err
		}
		f.Recovery = &s
	}
	if err := write(workspacePath, f, false); err != nil {
		Forget(key)
		return nil, "", err
	}
	return key, recovery, nil
}

// Unlock opens the lockbox with the passphrase or the recovery key and
// returns the workspace key. ErrWrongSecret when neither opens it.
func Unlock(workspacePath string, secret []byte) ([]byte, error) {
	_, key, err := readOpened(workspacePath, secret)
	return key, err
}

// readOpened reads the lockbox and opens it with the passphrase or the
// recovery key: the lockbox, to be rewritten, and the workspace key, which
// the caller forgets.
func readOpened(workspacePath string, secret []byte) (file, []byte, error) {
	f, err := read(workspacePath)
	if err != nil {
		return f, nil, err
	}
	key, err := f.open(secret)
	return f, key, err
}

// ChangePassphrase seals the workspace key under a new passphrase, opening
// the lockbox with the old passphrase or the recovery key. Only the
// lockbox is rewritten (atomically); the data stays as it is encrypted.
// The recovery key, if any, keeps working.
func ChangePassphrase(workspacePath string, secret, newPassphrase []byte) error {
	if err := CheckPassphrase(newPassphrase); err != nil {
		return err
	}
	f, key, err := readOpened(workspacePath, secret)
	if err != nil {
		return err
	}
	defer Forget(key)
	if f.Passphrase, err = seal(key, newPassphrase, f.Params); err != nil {
		return err
	}
	return write(workspacePath, f, true)
}

// NewRecoveryKey replaces the recovery key (or makes the first one),
// opening the lockbox with the passphrase or the current recovery key. The
// old recovery key stops working. The new one is returned, to be printed.
func NewRecoveryKey(workspacePath string, secret []byte) (string, error) {
	f, key, err := readOpened(workspacePath, secret)
	if err != nil {
		return "", err
	}
	defer Forget(key)
	raw := make([]byte, recoveryBytes)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("lockbox: make the recovery key: %w", err)
	}
	recovery := formatRecovery(raw)
	Forget(raw)
	s, err := seal(key, []byte(recovery), f.Params)
	if err != nil {
		return "", err
	}
	f.Recovery = &s
	return recovery, write(workspacePath, f, true)
}

// HasRecoveryKey reports whether the lockbox can also be opened with a
// recovery key.
func HasRecoveryKey(workspacePath string) (bool, error) {
	f, err := read(workspacePath)
	if err != nil {
		return false, err
	}
	return f.Recovery != nil, nil
}

// CheckPassphrase refuses a passphrase too short to protect the workspace.
func CheckPassphrase(p []byte) error {
	if n := utf8.RuneCount(p); n < MinPassphrase {
		return &WeakPassphraseError{Length: n}
	}
	return nil
}

// DatabaseKey and AttachmentKey are the keys made from the workspace key
// for the database and for the attachment files: separate keys, so that
// neither cipher ever sees the other's key. HKDF-SHA256 (RFC 5869).
func DatabaseKey(key []byte) []byte   { return derive(key, "bollard database v1") }
func AttachmentKey(key []byte) []byte { return derive(key, "bollard attachments v1") }

func derive(key []byte, purpose string) []byte {
	out := make([]byte, KeySize)
	if _, err := io.ReadFull(hkdf.New(sha256.New, key, nil, []byte(purpose)), out); err != nil {
		panic("lockbox: hkdf: " + err.Error()) // cannot happen for 32 bytes
	}
	return out
}

// Forget overwrites a key in memory. Go may have copied it before (the
// garbage collector moves nothing, but strings made from it stay until
// collected): this is as far as Go allows.
func Forget(b []byte) {
	clear(b)
}

// seal seals key under secret.
func seal(key, secret []byte, p Params) (sealed, error) {
	salt := make([]byte, 16)
	nonce := make([]byte, chacha20poly1305.NonceSizeX)
	if _, err := rand.Read(salt); err != nil {
		return sealed{}, fmt.Errorf("lockbox: %w", err)
	}
	if _, err := rand.Read(nonce); err != nil {
		return sealed{}, fmt.Errorf("lockbox: %w", err)
	}
	kek := argon2.IDKey(secret, salt, p.Time, p.MemoryKiB, p.Threads, KeySize)
	defer Forget(kek)
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return sealed{}, fmt.Errorf("lockbox: %w", err)
	}
	enc := base64.StdEncoding
	return sealed{
		Salt:   enc.EncodeToString(salt),
		Nonce:  enc.EncodeToString(nonce),
		Sealed: enc.EncodeToString(aead.Seal(nil, nonce, key, []byte(format))),
	}, nil
}

// open opens the lockbox with the passphrase or, failing that, the
// recovery key (which is accepted with or without its dashes and in any
// case, as an officer types it from paper).
func (f file) open(secret []byte) ([]byte, error) {
	if key, err := f.Passphrase.open(secret, f.Params); err == nil {
		return key, nil
	} else if !errors.Is(err, ErrWrongSecret) {
		return nil, err
	}
	if f.Recovery != nil {
		if r, ok := normaliseRecovery(secret); ok {
			return f.Recovery.open([]byte(r), f.Params)
		}
	}
	return nil, ErrWrongSecret
}

func (s sealed) open(secret []byte, p Params) ([]byte, error) {
	enc := base64.StdEncoding
	salt, err1 := enc.DecodeString(s.Salt)
	nonce, err2 := enc.DecodeString(s.Nonce)
	box, err3 := enc.DecodeString(s.Sealed)
	if err := errors.Join(err1, err2, err3); err != nil || len(nonce) != chacha20poly1305.NonceSizeX {
		return nil, errors.New("lockbox: the lockbox file is damaged (a sealed key is not readable)")
	}
	kek := argon2.IDKey(secret, salt, p.Time, p.MemoryKiB, p.Threads, KeySize)
	defer Forget(kek)
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, fmt.Errorf("lockbox: %w", err)
	}
	key, err := aead.Open(nil, nonce, box, []byte(format))
	if err != nil {
		return nil, ErrWrongSecret
	}
	return key, nil
}

// maxFile is the most of a lockbox that is read: a real one is a few
// hundred bytes.
const maxFile = 64 << 10

func read(workspacePath string) (file, error) {
	var f file
	fh, err := os.Open(Path(workspacePath))
	if errors.Is(err, os.ErrNotExist) {
		return f, ErrNoLockbox
	} else if err != nil {
		return f, fmt.Errorf("lockbox: %w", err)
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, maxFile+1))
	if err != nil {
		return f, fmt.Errorf("lockbox: %w", err)
	}
	if len(b) > maxFile || json.Unmarshal(b, &f) != nil {
		return f, fmt.Errorf("lockbox: %s is not a Bollard lockbox (damaged or replaced); without it the workspace cannot be unlocked: restore it from a backup", Path(workspacePath))
	}
	if f.Format != format || f.KDF != "argon2id" {
		return f, fmt.Errorf("lockbox: %s is of a format this Bollard does not know (%q); update Bollard", Path(workspacePath), f.Format)
	}
	if f.Params.Time == 0 || f.Params.Threads == 0 || f.Params.MemoryKiB < 8*uint32(f.Params.Threads) || f.Params.MemoryKiB > 4<<20 {
		return f, fmt.Errorf("lockbox: %s has argon2id costs out of range; it is damaged", Path(workspacePath))
	}
	return f, nil
}

// write stores the lockbox atomically: a new file, synced, renamed over
// the old one, the folder synced. A crash leaves the old lockbox or the
// new one, never half of either. The file is readable by the user only.
func write(workspacePath string, f file, replace bool) error {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("lockbox: %w", err)
	}
	final := Path(workspacePath)
	dir := filepath.Dir(final)
	if err := disk.MakeFolder(dir); err != nil {
		return fmt.Errorf("lockbox: %w", err)
	}
	tmp, err := disk.CreateTemp(dir, "."+filepath.Base(final)+".*.partial") // its owner's only from the start
	if err != nil {
		return fmt.Errorf("lockbox: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("lockbox: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("lockbox: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("lockbox: %w", err)
	}
	if replace {
		err = disk.Replace(tmp.Name(), final)
	} else {
		// A link fails when the name is taken: two programs creating a
		// lockbox at once cannot both win.
		err = os.Link(tmp.Name(), final)
		if errors.Is(err, os.ErrExist) {
			return ErrExists
		}
	}
	if err != nil {
		return fmt.Errorf("lockbox: %w", err)
	}
	return disk.SyncFolder(dir)
}
