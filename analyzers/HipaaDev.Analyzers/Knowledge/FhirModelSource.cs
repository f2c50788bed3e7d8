using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// Built-in knowledge of Firely's HL7 FHIR models (<c>Hl7.Fhir.Model</c>, packages Hl7.Fhir.R4/R4B/R5/STU3).
/// A resource is PHI when each instance is about one individual's health, care or payment for care (it has a
/// subject, patient or beneficiary): every member it declares is then PHI. Resources that describe the
/// organisation, its staff, its catalogue or its definitions are not PHI. The reasons are written down in
/// <c>analyzers/docs/configuration.md</c> ("Built-in FHIR knowledge").
/// </summary>
internal sealed class FhirModelSource : IPhiSymbolSource
{
    public const string ModelNamespace = "Hl7.Fhir.Model";

    /// <summary>Resources about an individual. Names cover R4 and the few R4B/R5/STU3 names that differ.</summary>
    public static readonly ImmutableHashSet<string> PatientLevelResources = ImmutableHashSet.Create(
        // The person and the people around them.
        "Patient", "RelatedPerson", "Person", "FamilyMemberHistory",
        // Clinical record.
        "Observation", "Condition", "Procedure", "AllergyIntolerance", "DiagnosticReport", "Specimen", "ImagingStudy",
        "Media", "BodyStructure", "MolecularSequence", "ClinicalImpression", "RiskAssessment", "DetectedIssue", "Flag",
        "AdverseEvent", "Immunization", "ImmunizationEvaluation", "ImmunizationRecommendation",
        // Medications given to or ordered for someone (Medication itself is the drug definition).
        "MedicationRequest", "MedicationStatement", "MedicationAdministration", "MedicationDispense", "NutritionOrder",
        "VisionPrescription", "DeviceRequest", "DeviceUseStatement",
        // Care delivery and scheduling.
        "Encounter", "EpisodeOfCare", "Appointment", "AppointmentResponse", "CarePlan", "CareTeam", "Goal",
        "ServiceRequest", "RequestGroup", "Task", "Communication", "CommunicationRequest", "GuidanceResponse",
        "Consent", "ResearchSubject", "Contract",
        // Lists and groups of specific people or of one person's records, and records of access to them.
        "List", "Group", "Linkage", "MeasureReport", "Basic", "AuditEvent",
        // Documents and forms filled in by or about the person.
        "DocumentReference", "DocumentManifest", "Composition", "QuestionnaireResponse",
        // Payment for care.
        "Claim", "ClaimResponse", "Coverage", "CoverageEligibilityRequest", "CoverageEligibilityResponse",
        "ExplanationOfBenefit", "EnrollmentRequest", "EnrollmentResponse", "Account", "Invoice", "ChargeItem",
        // R4B/R5/STU3 names for the same kinds of record.
        "ProcedureRequest", "ReferralRequest", "ImagingManifest", "BodySite", "RequestOrchestration",
        "MedicationUsage", "DeviceUsage", "DeviceDispense", "InventoryItem", "NutritionIntake");

    /// <summary>
    /// Resources that are not about one individual: the organisation and its staff (Practitioner describes a
    /// clinician in their work role, which is not health information about a patient), places and services,
    /// products and their definitions, terminology, knowledge artefacts, infrastructure and aggregate payments.
    /// Listed so that a new SDK resource fails a test until someone decides which side it is on.
    /// </summary>
    public static readonly ImmutableHashSet<string> NotPatientLevelResources = ImmutableHashSet.Create(
        // Organisation, staff, places and services.
        "Organization", "OrganizationAffiliation", "Practitioner", "PractitionerRole", "Location", "HealthcareService",
        "Endpoint", "InsurancePlan", "Schedule", "Slot",
        // Products, devices and supplies as catalogue or inventory entries.
        "Medication", "MedicationKnowledge", "MedicinalProduct", "MedicinalProductAuthorization", "MedicinalProductContraindication",
        "MedicinalProductIndication", "MedicinalProductIngredient", "MedicinalProductInteraction", "MedicinalProductManufactured",
        "MedicinalProductPackaged", "MedicinalProductPharmaceutical", "MedicinalProductUndesirableEffect", "Substance",
        "SubstanceNucleicAcid", "SubstancePolymer", "SubstanceProtein", "SubstanceReferenceInformation", "SubstanceSourceMaterial",
        "SubstanceSpecification", "Device", "DeviceDefinition", "DeviceMetric", "BiologicallyDerivedProduct", "SupplyDelivery",
        "SupplyRequest", "CatalogEntry",
        // Definitions, terminology and knowledge artefacts.
        "ActivityDefinition", "PlanDefinition", "Questionnaire", "Measure", "Library", "ObservationDefinition",
        "SpecimenDefinition", "ChargeItemDefinition", "EventDefinition", "Evidence", "EvidenceVariable", "EffectEvidenceSynthesis",
        "RiskEvidenceSynthesis", "ResearchDefinition", "ResearchElementDefinition", "ResearchStudy", "ValueSet", "CodeSystem",
        "ConceptMap", "NamingSystem", "TerminologyCapabilities", "StructureDefinition", "StructureMap", "GraphDefinition",
        "CapabilityStatement", "OperationDefinition", "SearchParameter", "CompartmentDefinition", "ImplementationGuide",
        "MessageDefinition", "ExampleScenario", "TestReport", "TestScript",
        // Infrastructure and aggregate payment records.
        "MessageHeader", "Subscription", "Provenance", "VerificationResult", "PaymentNotice", "PaymentReconciliation");

    /// <summary>
    /// Members every resource inherits (<c>Resource</c>/<c>DomainResource</c>) that hold the record's content: the
    /// human-readable narrative, contained resources and extensions (US Core puts race and ethnicity there).
    /// <c>Id</c>, <c>Meta</c>, <c>ImplicitRules</c> and <c>Language</c> are technical and not PHI on their own.
    /// </summary>
    public static readonly ImmutableHashSet<string> ContentMembersOfEveryResource = ImmutableHashSet.Create(
        "Text", "Contained", "Extension", "ModifierExtension");

    public static IPhiSymbolSource? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ModelNamespace + ".Resource") is null ? null : new FhirModelSource();

    public bool IsPhiType(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class } named
        && PatientLevelResources.Contains(named.Name)
        && IsInModelNamespace(named);

    public bool IsPhiMember(ISymbol member) =>
        !member.IsStatic
        && ContentMembersOfEveryResource.Contains(member.Name)
        && member.ContainingType is { Name: "DomainResource" } declaring
        && IsInModelNamespace(declaring);

    public bool ReturnsPhi(IMethodSymbol method) => false;

    private static bool IsInModelNamespace(INamedTypeSymbol type) =>
        type.ContainingType is null && type.ContainingNamespace?.ToDisplayString() == ModelNamespace;
}
