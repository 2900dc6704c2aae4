using System;
using System.IO;
using System.Xml;
using System.Xml.XPath;
using System.Xml.Xsl;

namespace Corpus.Cwe611
{
    // CASE: id=611-b01, cwe=611, expect=BAD, form=XmlReaderSettings DtdProcessing.Parse + XmlUrlResolver
    public class B01 { public XmlReader Run(Stream s) => XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }); }

    // CASE: id=611-b02, cwe=611, expect=BAD, form=XmlDocument.XmlResolver = new XmlUrlResolver()
    public class B02 { public XmlDocument Run(string xml) { var d = new XmlDocument(); d.XmlResolver = new XmlUrlResolver(); d.LoadXml(xml); return d; } }

    // CASE: id=611-b03, cwe=611, expect=BAD, form=settings.DtdProcessing = Parse statement
    public class B03 { public XmlReader Run(TextReader r) { var st = new XmlReaderSettings(); st.DtdProcessing = DtdProcessing.Parse; return XmlReader.Create(r, st); } }

    // CASE: id=611-b04, cwe=611, expect=BAD, form=XmlTextReader DtdProcessing Parse
    public class B04 { public XmlTextReader Run(Stream s) { var r = new XmlTextReader(s); r.DtdProcessing = DtdProcessing.Parse; return r; } }

    // CASE: id=611-b05, cwe=611, expect=BAD, form=XslCompiledTransform XsltSettings.TrustedXslt
    public class B05 { public void Run(XmlReader stylesheet) { var x = new XslCompiledTransform(); x.Load(stylesheet, XsltSettings.TrustedXslt, new XmlUrlResolver()); } }

    // CASE: id=611-b06, cwe=611, expect=BAD, form=XmlDocument object initializer XmlResolver
    public class B06 { public XmlDocument Doc { get; } = new XmlDocument { XmlResolver = new XmlUrlResolver() }; }

    // CASE: id=611-b07, cwe=611, expect=BAD, form=XsltSettings(enableDocumentFunction: true, enableScript: true)
    public class B07 { public void Run(string xslt) { var x = new XslCompiledTransform(); x.Load(xslt, new XsltSettings(true, true), new XmlUrlResolver()); } }

    // CASE: id=611-g01, cwe=611, expect=GOOD, form=XmlReaderSettings DtdProcessing.Prohibit
    public class G01 { public XmlReader Run(Stream s) => XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }); }

    // CASE: id=611-g02, cwe=611, expect=GOOD, form=XmlDocument XmlResolver = null
    public class G02 { public XmlDocument Run(string xml) { var d = new XmlDocument { XmlResolver = null }; d.LoadXml(xml); return d; } }

    // CASE: id=611-g03, cwe=611, expect=GOOD, form=default XmlReader.Create
    public class G03 { public XmlReader Run(Stream s) => XmlReader.Create(s); }

    // CASE: id=611-g04, cwe=611, expect=GOOD, form=XslCompiledTransform default settings
    public class G04 { public void Run(XmlReader stylesheet) { var x = new XslCompiledTransform(); x.Load(stylesheet); } }

    // CASE: id=611-g05, cwe=611, expect=GOOD, form=DtdProcessing.Ignore
    public class G05 { public XmlReader Run(TextReader r) => XmlReader.Create(r, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }); }

    // CASE: id=611-g06, cwe=611, expect=GOOD, form=XPathDocument over safe XmlReader
    public class G06 { public XPathDocument Run(Stream s) => new XPathDocument(XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null })); }
}
