"""Catalogue: the 32 HSEEP core capabilities (National Preparedness Goal, 2nd ed.) by name."""

from __future__ import annotations

CAPABILITY_NAMES: dict[str, tuple[str, str]] = {
    # all five mission areas
    "capability.planning": ("Planning", "规划"),
    "capability.public_information_and_warning": (
        "Public information and warning",
        "公共信息与预警",
    ),
    "capability.operational_coordination": ("Operational coordination", "行动协调"),
    # prevention and protection
    "capability.forensics_and_attribution": ("Forensics and attribution", "调查取证与溯源"),
    "capability.intelligence_and_information_sharing": (
        "Intelligence and information sharing",
        "情报与信息共享",
    ),
    "capability.interdiction_and_disruption": ("Interdiction and disruption", "拦截与阻断"),
    "capability.screening_search_and_detection": (
        "Screening, search, and detection",
        "筛查、搜查与探测",
    ),
    "capability.access_control_and_identity_verification": (
        "Access control and identity verification",
        "出入管控与身份核验",
    ),
    "capability.cybersecurity": ("Cybersecurity", "网络安全"),
    "capability.physical_protective_measures": ("Physical protective measures", "实体防护措施"),
    "capability.risk_management_for_protection_programs_and_activities": (
        "Risk management for protection programs and activities",
        "防护项目与活动的风险管理",
    ),
    "capability.supply_chain_integrity_and_security": (
        "Supply chain integrity and security",
        "供应链完整与安全",
    ),
    # mitigation
    "capability.community_resilience": ("Community resilience", "社区韧性"),
    "capability.long_term_vulnerability_reduction": (
        "Long-term vulnerability reduction",
        "长期降低脆弱性",
    ),
    "capability.risk_and_disaster_resilience_assessment": (
        "Risk and disaster resilience assessment",
        "风险与灾害韧性评估",
    ),
    "capability.threats_and_hazards_identification": (
        "Threats and hazards identification",
        "威胁与灾害识别",
    ),
    # response
    "capability.critical_transportation": ("Critical transportation", "应急运输与人员转移"),
    "capability.environmental_response_health_and_safety": (
        "Environmental response/health and safety",
        "环境应急与健康安全",
    ),
    "capability.fatality_management_services": ("Fatality management services", "遇难者善后处置"),
    "capability.fire_management_and_suppression": ("Fire management and suppression", "火灾扑救"),
    "capability.logistics_and_supply_chain_management": (
        "Logistics and supply chain management",
        "物资保障与供应链管理",
    ),
    "capability.mass_care_services": ("Mass care services", "群众安置与生活救助"),
    "capability.mass_search_and_rescue_operations": (
        "Mass search and rescue operations",
        "搜索救援",
    ),
    "capability.on_scene_security_protection_and_law_enforcement": (
        "On-scene security, protection, and law enforcement",
        "现场安全保卫与执法",
    ),
    "capability.operational_communications": ("Operational communications", "应急通信"),
    "capability.public_health_healthcare_and_emergency_medical_services": (
        "Public health, healthcare, and emergency medical services",
        "公共卫生与医疗救护",
    ),
    "capability.situational_assessment": ("Situational assessment", "灾情研判"),
    # response and recovery
    "capability.infrastructure_systems": ("Infrastructure systems", "基础设施抢修与恢复"),
    # recovery
    "capability.economic_recovery": ("Economic recovery", "经济恢复"),
    "capability.health_and_social_services": ("Health and social services", "卫生与社会服务恢复"),
    "capability.housing": ("Housing", "住房恢复重建"),
    "capability.natural_and_cultural_resources": (
        "Natural and cultural resources",
        "自然与文化资源保护",
    ),
}
