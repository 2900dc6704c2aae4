using System;
using System.IO;
using System.IO.Ports;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cwe209
{
    // CASE: id=209-b01, cwe=209, expect=BAD, form=ex.ToString() written to NetworkStream
    public class B01 { public void Run(NetworkStream ns, Action work) { try { work(); } catch (Exception ex) { var b = Encoding.UTF8.GetBytes(ex.ToString()); ns.Write(b, 0, b.Length); } } }

    // CASE: id=209-b02, cwe=209, expect=BAD, form=ex.StackTrace to SerialPort.WriteLine
    public class B02 { public void Run(SerialPort p, Action work) { try { work(); } catch (Exception ex) { p.WriteLine(ex.StackTrace); } } }

    // CASE: id=209-b03, cwe=209, expect=BAD, form=socket Send of ex.Message
    public class B03 { public void Run(Socket s, Action work) { try { work(); } catch (InvalidOperationException ex) { s.Send(Encoding.ASCII.GetBytes("ERR " + ex.Message)); } } }

    // CASE: id=209-b04, cwe=209, expect=BAD, form=HttpResponse.WriteAsync(ex.ToString())
    public class B04 { public async Task Run(HttpContext ctx, Func<Task> next) { try { await next(); } catch (Exception ex) { ctx.Response.StatusCode = 500; await ctx.Response.WriteAsync(ex.ToString()); } } }

    // CASE: id=209-b05, cwe=209, expect=BAD, form=controller returns Content(ex.StackTrace)
    public class B05Controller : Controller { public IActionResult Run() { try { throw new InvalidOperationException("db"); } catch (Exception ex) { return Content(ex.StackTrace); } } }

    // CASE: id=209-b06, cwe=209, expect=BAD, form=StreamWriter over TcpClient stream writes exception
    public class B06 { public async Task Run(TcpClient t, Func<Task> work) { var w = new StreamWriter(t.GetStream()); try { await work(); } catch (Exception ex) { await w.WriteLineAsync(ex.ToString()); await w.FlushAsync(); } } }

    // CASE: id=209-g01, cwe=209, expect=GOOD, form=generic error code to peer, detail to local log
    public class G01 { public void Run(NetworkStream ns, Action work) { try { work(); } catch (Exception ex) { Console.Error.WriteLine(ex); var b = Encoding.ASCII.GetBytes("ERR 500"); ns.Write(b, 0, b.Length); } } }

    // CASE: id=209-g02, cwe=209, expect=GOOD, form=serial WriteLine constant error
    public class G02 { public void Run(SerialPort p, Action work) { try { work(); } catch (Exception) { p.WriteLine("E42"); } } }

    // CASE: id=209-g03, cwe=209, expect=GOOD, form=HttpResponse generic message
    public class G03 { public async Task Run(HttpContext ctx, Func<Task> next) { try { await next(); } catch (Exception) { ctx.Response.StatusCode = 500; await ctx.Response.WriteAsync("Internal error"); } } }

    // CASE: id=209-g04, cwe=209, expect=GOOD, form=controller returns Problem() without detail
    public class G04Controller : Controller { public IActionResult Run() { try { throw new InvalidOperationException("db"); } catch (Exception) { return StatusCode(500); } } }
}
