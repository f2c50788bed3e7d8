namespace HipaaDev.Analyzers.Tests.Robustness;

/// <summary>
/// Sender classes written the way clinic teams write them (helpers, builders, lambdas, async, records, pattern
/// matching), so the cut-and-splice test breaks code that uses much of the language, not only the sink samples.
/// They compile cleanly as written; <see cref="CutAndSpliceTests"/> checks that. Where they send PHI is marked, with
/// the declarations of the sources the diagnostics name (numbered apart, so the three can be verified together).
/// </summary>
internal static class RealisticSenders
{
    public const string ReminderService = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using HipaaDev.Annotations;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        namespace Clinic.Reminders
        {
            [Phi]
            public sealed record LabResult(string {|#10:Test|}, string Value);

            public sealed record Appointment(Clinic.Patient Patient, DateTime At, string Room, IReadOnlyList<LabResult> Results);

            public enum ReminderKind { Neutral, Named, Detailed }

            public sealed class ReminderService
            {
                private readonly PhoneNumber _from = new PhoneNumber("+15550100");
                private readonly Func<string, string> _shorten = text => text.Length > 140 ? text.Substring(0, 140) : text;

                public async Task SendAllAsync(IEnumerable<Appointment> appointments, ReminderKind kind, CancellationToken cancellationToken)
                {
                    foreach (var appointment in appointments.Where(a => a.At > DateTime.UtcNow).OrderBy(a => a.At))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var text = kind switch
                        {
                            ReminderKind.Named => $"Hi {appointment.Patient.Name}, see you at {appointment.At:t}.",
                            ReminderKind.Detailed => Describe(appointment),
                            _ => $"You have a visit at {appointment.At:t} in room {appointment.Room}.",
                        };
                        try
                        {
                            await MessageResource.CreateAsync(to: new PhoneNumber(appointment.Patient.Phone), from: _from, body: {|#0:_shorten(text)|});
                        }
                        catch (Twilio.Exceptions.ApiException exception) when (exception.Code == 21610)
                        {
                            continue;
                        }
                        finally
                        {
                            text = string.Empty;
                        }
                    }
                }

                public void SendSummary(Appointment appointment)
                {
                    var builder = new StringBuilder();
                    builder.Append("Results: ");
                    for (var i = 0; i < appointment.Results.Count; i++)
                    {
                        var (test, value) = (appointment.Results[i].Test, appointment.Results[i].Value);
                        builder.AppendLine($"{test}={value}");
                    }

                    string Footer() => appointment.Patient.Diagnosis is { Length: > 0 } dx ? " (" + dx + ")" : string.Empty;
                    builder.Append(Footer());
                    Send(appointment.Patient.Phone, {|#1:builder.ToString()|});
                }

                public void SendInitials(Appointment appointment) =>
                    Send(appointment.Patient.Phone, $"Reminder for {Initials(appointment.Patient.Name)}");

                [PhiSanitizer]
                public static string Initials(string name) =>
                    string.Join("", name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => part[0] + "."));

                private static string Describe(Appointment appointment) =>
                    appointment.Results.Aggregate(appointment.Patient.Name + ":", (text, result) => text + " " + result.Test + " " + result.Value);

                private void Send(string to, string body)
                {
                    MessageResource.Create(to: new PhoneNumber(to), from: _from, body: body);
                }
            }
        }
        """;

    public const string ResultsMailer = """
        using System;
        using System.Collections.Generic;
        using System.Net.Mail;
        using System.Threading.Tasks;
        using HipaaDev.Annotations;
        using MailKit.Net.Smtp;
        using MimeKit;
        using SendGrid;
        using SendGrid.Helpers.Mail;

        namespace Clinic.Mail
        {
            public interface IResultsMailer
            {
                Task SendAsync(Clinic.Patient patient, string details);
            }

            [ApprovedChannel("secure-email")]
            public sealed class SecureResultsMailer : IResultsMailer, IDisposable
            {
                private readonly MailKit.Net.Smtp.SmtpClient _smtp = new MailKit.Net.Smtp.SmtpClient();

                public async Task SendAsync(Clinic.Patient patient, string details)
                {
                    var message = new MimeMessage();
                    message.To.Add(MailboxAddress.Parse(patient.Email));
                    message.Subject = "Your results are ready";
                    message.Body = new TextPart("plain") { Text = $"Dear {patient.Name},\n{details}\n{patient.Diagnosis}" };
                    await _smtp.SendAsync(message);
                }

                public void Dispose() => _smtp.Dispose();
            }

            public sealed class PlainMailer
            {
                private readonly ISendGridClient _client;
                private readonly Dictionary<string, Func<Clinic.Patient, string>> _templates = new()
                {
                    ["welcome"] = p => "Welcome to the clinic!",
                    ["results"] = p => "Results for " + p.Name,
                };

                public PlainMailer(ISendGridClient client) => _client = client;

                [return: Phi]
                public static string {|#11:Summary|}(Clinic.Patient patient) => patient.Name + ": " + patient.Diagnosis;

                public Task<Response> SendTemplateAsync(Clinic.Patient patient, string key)
                {
                    var body = _templates.TryGetValue(key, out var template) ? template(patient) : null;
                    var message = MailHelper.CreateSingleEmail(
                        new SendGrid.Helpers.Mail.EmailAddress("clinic@example.org"),
                        new SendGrid.Helpers.Mail.EmailAddress(patient.Email),
                        key == "results" ? "Update from the clinic" : "Hello",
                        {|#2:body ?? string.Empty|},
                        null);
                    return _client.SendEmailAsync(message);
                }

                public void SendLegacy(Clinic.Patient patient, System.Net.Mail.SmtpClient smtp)
                {
                    using var message = new MailMessage("clinic@example.org", patient.Email);
                    message.Subject = patient.Diagnosis.Length > 0 ? "Follow-up" : "Check-in";
                    message.Body = {|#3:Summary(patient)|};
                    object boxed = patient;
                    if (boxed is Clinic.Patient { Name: var name } && name.Length > 3)
                    {
                        message.Body += {|#4:Environment.NewLine + name.ToUpperInvariant()|};
                    }

                    smtp.Send(message);
                }
            }
        }
        """;

    public const string NotificationPipeline = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using HipaaDev.Annotations;
        using Amazon.SimpleNotificationService;
        using Amazon.SimpleNotificationService.Model;
        using FluentEmail.Core;

        namespace Clinic.Pipeline
        {
            public delegate string Formatter(Clinic.Patient patient);

            public abstract class Channel<TMessage>
            {
                public abstract Task PublishAsync(TMessage message, CancellationToken cancellationToken);
            }

            public sealed class SnsChannel : Channel<string>
            {
                private readonly IAmazonSimpleNotificationService _sns;

                public SnsChannel(IAmazonSimpleNotificationService sns) => _sns = sns;

                public override Task PublishAsync(string message, CancellationToken cancellationToken) =>
                    _sns.PublishAsync(new PublishRequest { TopicArn = "arn:topic", Message = message }, cancellationToken);
            }

            public sealed class Pipeline
            {
                private readonly List<Formatter> _formatters = new();
                private event EventHandler<string>? Sent;

                public Pipeline Use(Formatter formatter)
                {
                    _formatters.Add(formatter);
                    return this;
                }

                public async IAsyncEnumerable<string> FormatAllAsync(IEnumerable<Clinic.Patient> patients, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var patient in patients)
                    {
                        await Task.Yield();
                        yield return string.Concat(_formatters.Select(format => format(patient)));
                    }
                }

                public async Task RunAsync(IEnumerable<Clinic.Patient> patients, Channel<string> channel, IFluentEmailFactory email)
                {
                    await foreach (var text in FormatAllAsync(patients))
                    {
                        await channel.PublishAsync(text, CancellationToken.None);
                        Sent?.Invoke(this, text);
                    }

                    var first = patients.FirstOrDefault();
                    if (first is null)
                    {
                        return;
                    }

                    ref readonly var name = ref Pick(new[] { first.Name, "anonymous" }, 1);
                    var countdown = 3;
                    retry:
                    var response = await email.Create().To(first.Email).Subject("Notice").Body({|#5:"Hello " + name|}).SendAsync();
                    if (!response.Successful && --countdown > 0)
                    {
                        goto retry;
                    }

                    Span<int> digits = stackalloc int[4];
                    digits[0] = first.Diagnosis.Length;
                    static int Depth(int n) => n <= 0 ? 0 : 1 + Depth(n - 1);
                    _ = Depth(digits[0]);
                }

                private static ref readonly string Pick(string[] values, int index) => ref values[index];
            }
        }
        """;
}
