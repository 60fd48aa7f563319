package disk

import (
	"errors"
	"strings"
	"testing"
)

func TestTooLongWindows(t *testing.T) {
	cantOpen := errors.New("unable to open database file")
	short := `C:\Casos\caso.db`
	if err := TooLong(short, cantOpen); err != cantOpen {
		t.Errorf("short path: %v", err)
	}
	long := `C:\` + strings.Repeat(`Operación Bananero 2026\`, 12) + "caso.db"
	err := TooLong(long, cantOpen)
	if !errors.Is(err, cantOpen) || !strings.Contains(err.Error(), "characters long, too long for Windows") {
		t.Errorf("long path: %v", err)
	}
	if TooLong(long, nil) != nil {
		t.Error("no error became one")
	}
}
