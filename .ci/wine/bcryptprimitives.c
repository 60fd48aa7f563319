/*
 * A stand-in for Windows' bcryptprimitives.dll, for the Wine prefix the
 * Windows tests run in, never shipped. Go (since 1.22) reads its random
 * numbers from ProcessPrng in bcryptprimitives.dll, which every Windows 10
 * and 11 has but Debian 12's Wine 8.0 lacks: without it bollard.exe dies
 * at start with "bcryptprimitives.dll not found". This exports ProcessPrng
 * on top of RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
