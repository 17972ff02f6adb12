"""The 32 HSEEP core capabilities (US National Preparedness Goal, 2nd ed.) named in en/zh."""

from __future__ import annotations

from typing import NamedTuple

from drill.scenario.text import Lang


class Names(NamedTuple):
    """A core capability's name in English and in Chinese."""

    en: str
    zh: str


CAPABILITIES: dict[str, Names] = {
    # all five mission areas
    "planning": Names("Planning", "规划"),
    "public_information_and_warning": Names("Public information and warning", "公共信息与预警"),
    "operational_coordination": Names("Operational coordination", "行动协调"),
    # prevention and protection
    "forensics_and_attribution": Names("Forensics and attribution", "调查取证与溯源"),
    "intelligence_and_information_sharing": Names(
        "Intelligence and information sharing", "情报与信息共享"
    ),
    "interdiction_and_disruption": Names("Interdiction and disruption", "拦截与阻断"),
    "screening_search_and_detection": Names("Screening, search, and detection", "筛查、搜查与探测"),
    "access_control_and_identity_verification": Names(
        "Access control and identity verification", "出入管控与身份核验"
    ),
    "cybersecurity": Names("Cybersecurity", "网络安全"),
    "physical_protective_measures": Names("Physical protective measures", "实体防护措施"),
    "risk_management_for_protection_programs_and_activities": Names(
        "Risk management for protection programs and activities", "防护项目与活动的风险管理"
    ),
    "supply_chain_integrity_and_security": Names(
        "Supply chain integrity and security", "供应链完整与安全"
    ),
    # mitigation
    "community_resilience": Names("Community resilience", "社区韧性"),
    "long_term_vulnerability_reduction": Names(
        "Long-term vulnerability reduction", "长期降低脆弱性"
    ),
    "risk_and_disaster_resilience_assessment": Names(
        "Risk and disaster resilience assessment", "风险与灾害韧性评估"
    ),
    "threats_and_hazards_identification": Names(
        "Threats and hazards identification", "威胁与灾害识别"
    ),
    # response
    "critical_transportation": Names("Critical transportation", "应急运输与人员转移"),
    "environmental_response_health_and_safety": Names(
        "Environmental response/health and safety", "环境应急与健康安全"
    ),
    "fatality_management_services": Names("Fatality management services", "遇难者善后处置"),
    "fire_management_and_suppression": Names("Fire management and suppression", "火灾扑救"),
    "logistics_and_supply_chain_management": Names(
        "Logistics and supply chain management", "物资保障与供应链管理"
    ),
    "mass_care_services": Names("Mass care services", "群众安置与生活救助"),
    "mass_search_and_rescue_operations": Names("Mass search and rescue operations", "搜索救援"),
    "on_scene_security_protection_and_law_enforcement": Names(
        "On-scene security, protection, and law enforcement", "现场安全保卫与执法"
    ),
    "operational_communications": Names("Operational communications", "应急通信"),
    "public_health_healthcare_and_emergency_medical_services": Names(
        "Public health, healthcare, and emergency medical services", "公共卫生与医疗救护"
    ),
    "situational_assessment": Names("Situational assessment", "灾情研判"),
    # response and recovery
    "infrastructure_systems": Names("Infrastructure systems", "基础设施抢修与恢复"),
    # recovery
    "economic_recovery": Names("Economic recovery", "经济恢复"),
    "health_and_social_services": Names("Health and social services", "卫生与社会服务恢复"),
    "housing": Names("Housing", "住房恢复重建"),
    "natural_and_cultural_resources": Names("Natural and cultural resources", "自然与文化资源保护"),
}
"""Every core capability id (snake_case of its FEMA name) → its names."""


def capability_name(capability_id: str, lang: Lang) -> str:
    """A core capability's name in `lang`; any other id with spaces for its underscores."""
    names = CAPABILITIES.get(capability_id)
    if names is None:
        return capability_id.replace("_", " ")
    return names.zh if lang == "zh" else names.en
