using System;
using System.Data.SqlClient;
using System.IO;
using System.IO.Ports;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cwe89
{
    // CASE: id=89-b01, cwe=89, expect=BAD, form=SqlCommand text concatenated with SerialPort.ReadLine
    public class B01 { public void Run(SerialPort p, SqlConnection c) { var id = p.ReadLine(); new SqlCommand("SELECT * FROM Patients WHERE Mrn = '" + id + "'", c).ExecuteReader(); } }

    // CASE: id=89-b02, cwe=89, expect=BAD, form=CommandText property interpolated Console.ReadLine
    public class B02 { public void Run(SqlConnection c) { var name = Console.ReadLine(); var cmd = new SqlCommand(); cmd.CommandText = $"DELETE FROM Alarms WHERE Name = '{name}'"; cmd.ExecuteNonQuery(); } }

    // CASE: id=89-b03, cwe=89, expect=BAD, form=string.Format with args[1]
    public static class B03 { public static void Main(string[] args) { using var c = new SqlConnection(); var cmd = new SqlCommand(string.Format("SELECT * FROM Logs WHERE Day = '{0}'", args[1]), c); cmd.ExecuteScalar(); } }

    // CASE: id=89-b04, cwe=89, expect=BAD, form=socket buffer into DbCommand.CommandText via CreateCommand
    public class B04 { public void Run(Socket s, SqlConnection c) { var buf = new byte[512]; var n = s.Receive(buf); var q = Encoding.UTF8.GetString(buf, 0, n); var cmd = c.CreateCommand(); cmd.CommandText = "SELECT * FROM T WHERE k = " + q; cmd.ExecuteNonQuery(); } }

    // CASE: id=89-b05, cwe=89, expect=BAD, form=controller action parameter in SqlCommand
    public class B05Controller : Controller { public IActionResult Find(string mrn) { var cmd = new SqlCommand("SELECT * FROM Patients WHERE Mrn = '" + mrn + "'"); cmd.ExecuteReader(); return Ok(); } }

    // CASE: id=89-b06, cwe=89, expect=BAD, form=Request.Form value into SqlDataAdapter
    public class B06Controller : ControllerBase { [HttpPost] public IActionResult Run() { string ward = Request.Form["ward"]; var da = new SqlDataAdapter("SELECT * FROM Beds WHERE Ward = '" + ward + "'", "Server=db"); return Ok(); } }

    // CASE: id=89-b07, cwe=89, expect=BAD, form=NetworkStream StreamReader ReadToEnd into object initializer CommandText
    public class B07 { public void Run(TcpClient t) { using var r = new StreamReader(t.GetStream()); var filter = r.ReadToEnd(); var cmd = new SqlCommand { CommandText = "SELECT * FROM Events WHERE " + filter }; cmd.ExecuteNonQuery(); } }

    // CASE: id=89-b08, cwe=89, expect=BAD, form=environment variable concatenated into local function
    public class B08 { public void Run(SqlConnection c) { string Table() => Environment.GetEnvironmentVariable("TABLE"); new SqlCommand("DROP TABLE " + Environment.GetEnvironmentVariable("TABLE"), c).ExecuteNonQuery(); } }

    // CASE: id=89-b09, cwe=89, expect=BAD, form=controller [FromQuery] parameter interpolated into CommandText
    public class B09Controller : ControllerBase { [HttpGet] public IActionResult Search([FromQuery] string term) { var cmd = new SqlCommand(); cmd.CommandText = $"SELECT * FROM Devices WHERE Name LIKE '%{term}%'"; cmd.ExecuteReader(); return Ok(); } }

    // CASE: id=89-g01, cwe=89, expect=GOOD, form=parameterised command with serial input
    public class G01 { public void Run(SerialPort p, SqlConnection c) { var id = p.ReadLine(); var cmd = new SqlCommand("SELECT * FROM Patients WHERE Mrn = @mrn", c); cmd.Parameters.AddWithValue("@mrn", id); cmd.ExecuteReader(); } }

    // CASE: id=89-g02, cwe=89, expect=GOOD, form=int.Parse of console input
    public class G02 { public void Run(SqlConnection c) { int id = int.Parse(Console.ReadLine()); new SqlCommand("SELECT * FROM T WHERE Id = " + id, c).ExecuteNonQuery(); } }

    // CASE: id=89-g03, cwe=89, expect=GOOD, form=constant query text
    public class G03 { public void Run(SqlConnection c) { new SqlCommand("SELECT COUNT(*) FROM Alarms", c).ExecuteScalar(); } }

    // CASE: id=89-g04, cwe=89, expect=GOOD, form=controller parameterised query
    public class G04Controller : Controller { public IActionResult Find(string mrn) { var cmd = new SqlCommand("SELECT * FROM Patients WHERE Mrn = @m"); cmd.Parameters.AddWithValue("@m", mrn); cmd.ExecuteReader(); return Ok(); } }

    // CASE: id=89-g05, cwe=89, expect=GOOD, form=switch expression maps input to constant column
    public class G05 { public void Run(SqlConnection c) { var col = Console.ReadLine() switch { "name" => "Name", "date" => "Date", _ => "Id" }; new SqlCommand("SELECT * FROM T ORDER BY " + col, c).ExecuteNonQuery(); } }

    // CASE: id=89-g06, cwe=89, expect=GOOD, form=Guid.Parse of socket text
    public class G06 { public void Run(Socket s, SqlConnection c) { var buf = new byte[64]; var n = s.Receive(buf); var g = Guid.Parse(Encoding.ASCII.GetString(buf, 0, n)); new SqlCommand($"SELECT * FROM T WHERE G = '{g}'", c).ExecuteNonQuery(); } }
}
