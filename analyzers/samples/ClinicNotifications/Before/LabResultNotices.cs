using System.Threading.Tasks;
using Hl7.Fhir.Model;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Riverside.Notifications
{
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
                $"Your {result.Code.Text} result is ready", // expect: HIPAA002
                $"Result: {result.Value}. Sign in to the portal for details.", // expect: HIPAA001
                null);
            return _client.SendEmailAsync(message);
        }

        public Task<Response> SendFollowUpAsync(Patient patient, string email)
        {
            var message = new SendGridMessage { From = new EmailAddress("care@riverside.example") };
            message.AddTo(email);
            message.SetTemplateId("d-follow-up");
            message.SetTemplateData(patient); // expect: HIPAA004
            return _client.SendEmailAsync(message);
        }
    }
}
