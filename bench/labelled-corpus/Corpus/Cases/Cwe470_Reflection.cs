using System;
using System.IO.Ports;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cwe470
{
    // CASE: id=470-b01, cwe=470, expect=BAD, form=Type.GetType(serial) + Activator.CreateInstance
    public class B01 { public object Run(SerialPort p) { var t = Type.GetType(p.ReadLine()); return Activator.CreateInstance(t); } }

    // CASE: id=470-b02, cwe=470, expect=BAD, form=Assembly.Load(console name)
    public class B02 { public Assembly Run() => Assembly.Load(Console.ReadLine()); }

    // CASE: id=470-b03, cwe=470, expect=BAD, form=Activator.CreateInstance(assembly, type) from args
    public static class B03 { public static void Main(string[] args) { var h = Activator.CreateInstance(args[0], args[1]); Console.WriteLine(h); } }

    // CASE: id=470-b04, cwe=470, expect=BAD, form=controller parameter into Type.GetType
    public class B04Controller : Controller { public IActionResult Make(string typeName) => Ok(Activator.CreateInstance(Type.GetType(typeName))); }

    // CASE: id=470-b05, cwe=470, expect=BAD, form=GetMethod(name).Invoke with env var
    public class B05 { public object Run(object target) { var m = target.GetType().GetMethod(Environment.GetEnvironmentVariable("HOOK")); return m.Invoke(target, null); } }

    // CASE: id=470-b06, cwe=470, expect=BAD, form=assembly.GetType(console) in lambda
    public class B06 { public Func<Assembly, object> Make = a => Activator.CreateInstance(a.GetType(Console.ReadLine())); }

    // CASE: id=470-g01, cwe=470, expect=GOOD, form=typeof constant
    public class G01 { public object Run() => Activator.CreateInstance(typeof(System.Text.StringBuilder)); }

    // CASE: id=470-g02, cwe=470, expect=GOOD, form=allow-list switch to type
    public class G02 { public object Run(SerialPort p) { Type t = p.ReadLine() switch { "sb" => typeof(System.Text.StringBuilder), _ => typeof(object) }; return Activator.CreateInstance(t); } }

    // CASE: id=470-g03, cwe=470, expect=GOOD, form=Type.GetType constant name
    public class G03 { public Type Run() => Type.GetType("System.Text.StringBuilder"); }

    // CASE: id=470-g04, cwe=470, expect=GOOD, form=equality guard before Type.GetType
    public class G04 { public Type Run() { var n = Console.ReadLine(); if (n != "Corpus.Plugins.Default") return null; return Type.GetType(n); } }
}
