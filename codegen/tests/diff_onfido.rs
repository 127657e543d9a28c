//! The semantic diff on a real pair: the Onfido spec in `spec/onfido` against a later release of it.

use std::path::{Path, PathBuf};

use expect_test::expect;
use modelgen::diff;
use modelgen::input::openapi;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

#[test]
fn later_onfido_release() {
    let old = openapi::load(&repo("spec/onfido/openapi.yaml")).unwrap();
    let new = openapi::load(&repo(
        "codegen/tests/fixtures/onfido-spec-latest/openapi.yaml",
    ))
    .unwrap();
    let d = diff::diff(&old.model, &new.model);
    expect![[r#"
        v3.6 -> v3.6

        + BiometricToken (struct)  [non-breaking]
        + BiometricTokenData (struct)  [non-breaking]
        + BiometricTokenDataStatus (enum)  [non-breaking]
        + BiometricTokenResponse (struct)  [non-breaking]
        + BiometricTokenUpdater (struct)  [non-breaking]
        + BiometricTokenUpdaterStatus (enum)  [non-breaking]
        + BiometricTokensResponse (struct)  [non-breaking]
        ~ DeviceIntelligenceBreakdown
          - field properties: DeviceIntelligenceBreakdownProperties (optional)  [breaking]
        - DeviceIntelligenceBreakdownProperties (struct)  [breaking]
        - DeviceIntelligenceBreakdownPropertiesDevice (struct)  [breaking]
        - DeviceIntelligenceBreakdownPropertiesDeviceAuthenticationType (enum)  [breaking]
        - DeviceIntelligenceBreakdownPropertiesDeviceBiometricCapture (enum)  [breaking]
        - DeviceIntelligenceBreakdownPropertiesDeviceDocumentCapture (enum)  [breaking]
        - DeviceIntelligenceBreakdownPropertiesDeviceIpReputation (enum)  [breaking]
        - DeviceIntelligenceBreakdownPropertiesDeviceSdkSource (enum)  [breaking]
        - DeviceIntelligenceBreakdownPropertiesGeolocation (struct)  [breaking]
        - DeviceIntelligenceBreakdownPropertiesIp (struct)  [breaking]
        ~ DeviceIntelligencePropertiesDevice
          + field number_of_ip_reuse_reports: f64 (optional)  [non-breaking]
          + field number_of_suspected_ip_reuse_reports: f64 (optional)  [non-breaking]
        ~ DocumentTypes
          + value "diplomatic_id"  [breaking]
          + value "travel_document"  [breaking]
        + InvalidatedBiometricTokenResponse (struct)  [non-breaking]
        + InvalidatedBiometricTokenSummary (struct)  [non-breaking]
        + InvalidatedBiometricTokenSummaryDeletedItems (struct)  [non-breaking]
        + InvalidatedBiometricTokensResponse (struct)  [non-breaking]
        + UpdatedBiometricTokenResponse (struct)  [non-breaking]
        ~ Webhook
          + field name: String (optional)  [non-breaking]
        ~ WebhookBuilder
          + field name: String (optional)  [non-breaking]
        ~ WebhookCreate
          + field name: String (optional)  [non-breaking]
        ~ WebhookEventPayloadResource
          + field status: WebhookEventResourceStatus (optional)  [non-breaking]
        + WebhookEventResourceStatus (enum)  [non-breaking]
        ~ WebhookResponse
          + field name: String (optional)  [non-breaking]
        ~ WebhookUpdate
          + field name: String (optional)  [non-breaking]
        ~ WebhookUpdater
          + field name: String (optional)  [non-breaking]

        34 changes in 32 types: 12 breaking, 22 non-breaking
    "#]]
    .assert_eq(&d.to_text());
    assert!(d.has_breaking());
}
