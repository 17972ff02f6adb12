"""The ids of the 32 HSEEP core capabilities (US National Preparedness Goal, 2nd ed.)."""

from __future__ import annotations

CAPABILITIES: tuple[str, ...] = (
    "planning",
    "public_information_and_warning",
    "operational_coordination",
    "forensics_and_attribution",
    "intelligence_and_information_sharing",
    "interdiction_and_disruption",
    "screening_search_and_detection",
    "access_control_and_identity_verification",
    "cybersecurity",
    "physical_protective_measures",
    "risk_management_for_protection_programs_and_activities",
    "supply_chain_integrity_and_security",
    "community_resilience",
    "long_term_vulnerability_reduction",
    "risk_and_disaster_resilience_assessment",
    "threats_and_hazards_identification",
    "critical_transportation",
    "environmental_response_health_and_safety",
    "fatality_management_services",
    "fire_management_and_suppression",
    "logistics_and_supply_chain_management",
    "mass_care_services",
    "mass_search_and_rescue_operations",
    "on_scene_security_protection_and_law_enforcement",
    "operational_communications",
    "public_health_healthcare_and_emergency_medical_services",
    "situational_assessment",
    "infrastructure_systems",
    "economic_recovery",
    "health_and_social_services",
    "housing",
    "natural_and_cultural_resources",
)
"""Every core capability id (snake_case of its FEMA name); drill.i18n names them."""
