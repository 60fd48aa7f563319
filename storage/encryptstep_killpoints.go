//go:build killpoints

package storage

import (
	"os"
	"time"
)

// EncryptStep is a point of the conversion where a test may have the
// program killed (BOLLARD_TEST_KILL_AT names the step), to show that a
// kill there leaves a workspace that opens. Only a build with the tag
// killpoints, which the kill tests make for themselves, has it; the
// shipped program's EncryptStep does nothing (encryptstep.go).
func EncryptStep(step string) {
	if at := os.Getenv("BOLLARD_TEST_KILL_AT"); at != "" && at == step {
		if p, err := os.FindProcess(os.Getpid()); err == nil {
			p.Kill()
			time.Sleep(time.Minute) // the kill arrives
		}
	}
}
