using System;
using System.DirectoryServices;
using System.IO.Ports;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cwe90
{
    // CASE: id=90-b01, cwe=90, expect=BAD, form=DirectorySearcher(filter) from console
    public class B01 { public SearchResult Run() { var u = Console.ReadLine(); using var s = new DirectorySearcher("(&(objectClass=user)(sAMAccountName=" + u + "))"); return s.FindOne(); } }

    // CASE: id=90-b02, cwe=90, expect=BAD, form=searcher.Filter = interpolated serial input
    public class B02 { public SearchResult Run(SerialPort p) { var s = new DirectorySearcher(); s.Filter = $"(cn={p.ReadLine()})"; return s.FindOne(); } }

    // CASE: id=90-b03, cwe=90, expect=BAD, form=controller parameter into DirectorySearcher filter
    public class B03Controller : Controller { public IActionResult Find(string user) { var s = new DirectorySearcher("(uid=" + user + ")"); return Ok(s.FindOne()); } }

    // CASE: id=90-b04, cwe=90, expect=BAD, form=DirectoryEntry path from args
    public static class B04 { public static void Main(string[] args) { using var e = new DirectoryEntry("LDAP://dc.example.com/CN=" + args[0] + ",DC=example,DC=com"); Console.WriteLine(e.Path); } }

    // CASE: id=90-b05, cwe=90, expect=BAD, form=object initializer Filter from env
    public class B05 { public SearchResult Run() { var s = new DirectorySearcher { Filter = "(mail=" + Environment.GetEnvironmentVariable("MAIL") + ")" }; return s.FindOne(); } }

    // CASE: id=90-g01, cwe=90, expect=GOOD, form=constant filter
    public class G01 { public SearchResult Run() { using var s = new DirectorySearcher("(objectClass=computer)"); return s.FindOne(); } }

    // CASE: id=90-g02, cwe=90, expect=GOOD, form=input validated by anchored regex
    public class G02 { public SearchResult Run() { var u = Console.ReadLine(); if (!System.Text.RegularExpressions.Regex.IsMatch(u, "^[a-z]{1,16}$")) return null; using var s = new DirectorySearcher("(uid=" + u + ")"); return s.FindOne(); } }

    // CASE: id=90-g03, cwe=90, expect=GOOD, form=int employee number from serial
    public class G03 { public SearchResult Run(SerialPort p) { var n = int.Parse(p.ReadLine()); var s = new DirectorySearcher(); s.Filter = "(employeeNumber=" + n + ")"; return s.FindOne(); } }
}
