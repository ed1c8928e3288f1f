/* For trying the Windows programs under Debian 12's wine 8 only; never
 * shipped. Rust's standard library asks bcryptprimitives.dll for
 * ProcessPrng (Windows 10 and later), which wine 8 does not provide, so the
 * programs stop before main. This stand-in answers with RtlGenRandom,
 * which wine has. packaging/build.sh builds it with mingw-w64 and puts it
 * beside the .exe files in a scratch copy. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
