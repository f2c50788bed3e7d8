using System.Threading.Tasks;
using HipaaDev.Annotations;
using Hl7.Fhir.Model;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Riverside.Notifications
{
    /// <summary>
    /// Sent through the clinic's encrypted email gateway, which the policy approves: the body may carry the result,
    /// the subject stays neutral, and the follow-up template gets only what it prints.
    /// </summary>
    [ApprovedChannel("secure-email")]
    public sealed class LabResultNotices
    {
        private readonly ISendGridClient _client;

        public LabResultNotices(ISendGridClient client)
        {
            _client = client;
        }

        public Task<Response> SendResultAsync(Patient patient, Observation result, string email)
        {
            var from = new EmailAddress("results@riverside.example");
            var message = MailHelper.CreateSingleEmail(
                from,
                new EmailAddress(email),
                "A message from your care team",
                $"Result: {result.Value}. Your clinician will call if anything needs follow-up.",
                null);
            return _client.SendEmailAsync(message);
        }

        public Task<Response> SendFollowUpAsync(string firstName, string email)
        {
            var message = new SendGridMessage { From = new EmailAddress("care@riverside.example") };
            message.AddTo(email);
            message.SetTemplateId("d-follow-up");
            message.SetTemplateData(new FollowUpModel(firstName, "https://portal.riverside.example"));
            return _client.SendEmailAsync(message);
        }

        private sealed record FollowUpModel(string FirstName, string PortalLink);
    }
}
