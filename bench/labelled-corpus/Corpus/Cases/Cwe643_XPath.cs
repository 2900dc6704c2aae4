using System;
using System.IO;
using System.IO.Ports;
using System.Xml;
using System.Xml.XPath;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cwe643
{
    // CASE: id=643-b01, cwe=643, expect=BAD, form=XmlDocument.SelectNodes with serial input
    public class B01 { public XmlNodeList Run(XmlDocument d, SerialPort p) => d.SelectNodes("//patient[@id='" + p.ReadLine() + "']"); }

    // CASE: id=643-b02, cwe=643, expect=BAD, form=XPathNavigator.Evaluate with console input interpolated
    public class B02 { public object Run(XPathNavigator nav) { var user = Console.ReadLine(); return nav.Evaluate($"/users/user[name='{user}']/role"); } }

    // CASE: id=643-b03, cwe=643, expect=BAD, form=SelectSingleNode with controller parameter
    public class B03Controller : Controller { public IActionResult Get(string name) { var d = new XmlDocument(); d.Load("/srv/users.xml"); var n = d.SelectSingleNode("//user[@name='" + name + "']"); return Ok(n?.InnerText); } }

    // CASE: id=643-b04, cwe=643, expect=BAD, form=XPathExpression.Compile from args
    public static class B04 { public static void Main(string[] args) { var e = XPathExpression.Compile("//device[@serial='" + args[0] + "']"); Console.WriteLine(e.Expression); } }

    // CASE: id=643-b05, cwe=643, expect=BAD, form=Request.Query into navigator Select
    public class B05Controller : ControllerBase { [HttpGet] public IActionResult Get() { string q = Request.Query["q"]; var nav = new XPathDocument("/srv/d.xml").CreateNavigator(); var it = nav.Select("//item[name='" + q + "']"); return Ok(it.Count); } }

    // CASE: id=643-b06, cwe=643, expect=BAD, form=env var XPath into SelectNodes via string.Concat
    public class B06 { public XmlNodeList Run(XmlDocument d) => d.SelectNodes(string.Concat("//cfg[@k='", Environment.GetEnvironmentVariable("KEY"), "']")); }

    // CASE: id=643-g01, cwe=643, expect=GOOD, form=constant XPath
    public class G01 { public XmlNodeList Run(XmlDocument d) => d.SelectNodes("//patient[@active='true']"); }

    // CASE: id=643-g02, cwe=643, expect=GOOD, form=int-parsed id in XPath
    public class G02 { public XmlNode Run(XmlDocument d, SerialPort p) { var id = int.Parse(p.ReadLine()); return d.SelectSingleNode("//patient[@id='" + id + "']"); } }

    // CASE: id=643-g03, cwe=643, expect=GOOD, form=regex-validated console input in XPath
    public class G03 { public XmlNode Run(XmlDocument d) { var s = Console.ReadLine(); if (!System.Text.RegularExpressions.Regex.IsMatch(s, "^[A-Z0-9]{1,8}$")) return null; return d.SelectSingleNode("//device[@serial='" + s + "']"); } }

    // CASE: id=643-g04, cwe=643, expect=GOOD, form=controller int parameter in XPath
    public class G04Controller : Controller { public IActionResult Get(int id) { var d = new XmlDocument(); var n = d.SelectSingleNode("//user[@id='" + id + "']"); return Ok(n?.InnerText); } }
}
