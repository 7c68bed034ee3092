// Windows Credential Manager through PowerShell and P/Invoke (advapi32 CredWrite/CredRead/CredDelete).
// Best effort: written from the Win32 documentation and NOT tested on Windows in this project's CI.
// `cmdkey` is not used: it takes the secret as an argument and cannot read it back.
import { KEYCHAIN_ACCOUNT, KEYCHAIN_SERVICE } from './keychain-names.js';

const TYPE = `
using System;
using System.Runtime.InteropServices;
public static class OpenAIOnboardCred {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  struct CREDENTIAL {
    public int Flags; public int Type; public string TargetName; public string Comment;
    public System.Runtime.InteropServices.ComTypes.FILETIME LastWritten;
    public int CredentialBlobSize; public IntPtr CredentialBlob; public int Persist;
    public int AttributeCount; public IntPtr Attributes; public string TargetAlias; public string UserName;
  }
  [DllImport("advapi32", CharSet = CharSet.Unicode, SetLastError = true)] static extern bool CredWriteW(ref CREDENTIAL c, int flags);
  [DllImport("advapi32", CharSet = CharSet.Unicode, SetLastError = true)] static extern bool CredReadW(string target, int type, int flags, out IntPtr c);
  [DllImport("advapi32", CharSet = CharSet.Unicode, SetLastError = true)] static extern bool CredDeleteW(string target, int type, int flags);
  [DllImport("advapi32")] static extern void CredFree(IntPtr c);
  public static bool Write(string target, string user, string secret) {
    byte[] b = System.Text.Encoding.Unicode.GetBytes(secret);
    CREDENTIAL c = new CREDENTIAL();
    c.Type = 1; c.TargetName = target; c.UserName = user; c.Persist = 2;
    c.CredentialBlobSize = b.Length; c.CredentialBlob = Marshal.AllocHGlobal(b.Length);
    Marshal.Copy(b, 0, c.CredentialBlob, b.Length);
    try { return CredWriteW(ref c, 0); } finally { Marshal.FreeHGlobal(c.CredentialBlob); }
  }
  public static string Read(string target) {
    IntPtr p;
    if (!CredReadW(target, 1, 0, out p)) return null;
    try {
      CREDENTIAL c = (CREDENTIAL)Marshal.PtrToStructure(p, typeof(CREDENTIAL));
      return Marshal.PtrToStringUni(c.CredentialBlob, c.CredentialBlobSize / 2);
    } finally { CredFree(p); }
  }
  public static bool Delete(string target) { return CredDeleteW(target, 1, 0); }
}`;

export function windowsCredentialScript(action: 'write' | 'read' | 'delete'): string {
  const head = `$ErrorActionPreference = 'Stop'\nAdd-Type -TypeDefinition @'\n${TYPE}\n'@\n`;
  switch (action) {
    case 'write':
      return `${head}$k = [Console]::In.ReadToEnd()\nif (-not [OpenAIOnboardCred]::Write('${KEYCHAIN_SERVICE}', '${KEYCHAIN_ACCOUNT}', $k)) { exit 1 }\n`;
    case 'read':
      return `${head}$v = [OpenAIOnboardCred]::Read('${KEYCHAIN_SERVICE}')\nif ($null -eq $v) { exit 1 }\n[Console]::Out.Write($v)\n`;
    case 'delete':
      return `${head}if (-not [OpenAIOnboardCred]::Delete('${KEYCHAIN_SERVICE}')) { exit 1 }\n`;
  }
}
