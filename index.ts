/**
 * gitpod-tencent: a self-hosted Gitpod on one pay-as-you-go Tencent Cloud VM.
 * The stages, in the order the dependency graph gives them.
 */
import * as pulumi from "@pulumi/pulumi";
import * as tencentcloud from "@pulumi/tencentcloud";
import { loadConfig, PROJECT } from "./lib/config";
import { readTencentCloudAccess } from "./lib/config/cloud";
import { nodeHostname } from "./lib/cvm";
import { gitpodNames } from "./lib/dns";
import { serverNodeLabels } from "./lib/k3sConfig";
import { ClusterNode, nodeTrafficOpen } from "./lib/workspaceNodes";
import { Network } from "./components/network";
import { SshKey, keyPairName } from "./components/sshKey";
import { CvmNode } from "./components/cvmNode";
import { PublicAddress } from "./components/publicAddress";
import { DiskBackups } from "./components/diskBackups";
import { DnsRecords } from "./components/dns";
import { K3sServer } from "./components/k3sServer";
import { Calico } from "./components/calico";
import { CoreDnsHairpin } from "./components/coreDns";
import { ImagePreflight } from "./components/imagePreflight";
import { Tls } from "./components/tls";
import { certificateReadCount, certificateRestore, kubeconfigRenewalCount, previousDeployment } from "./components/previousDeployment";
import { clientCertificateExpiry } from "./lib/kubeconfig";
import { CERTIFICATE_NAME } from "./lib/tls";
import { WorkspaceImagePrepull } from "./components/workspacePrepull";
import { Gitpod } from "./components/gitpod";
import { GitpodInstaller } from "./components/gitpodInstaller";
import { WorkspaceNodes } from "./components/workspaceNodes";

// 0. Configuration, validated before anything is declared.
const config = loadConfig();
const stack = pulumi.getStack();
const tags = { "gitpod-tencent": stack };
// What the last deployment left: its own outputs, read back (components/previousDeployment.ts).
const previous = previousDeployment();

// 1. The VM with its network and SSH key. One Tencent Cloud provider, in `region`, for every
//    cloud resource and lookup (children inherit it from their component).
const tencentCloud = new tencentcloud.Provider("tencentcloud", { region: config.region, ...readTencentCloudAccess() });
const cloud = { providers: [tencentCloud] };
// The subnet's node ports are open while there are (or, for one more run, were) workspace nodes.
const nodeTraffic = pulumi.unsecret(previous.apply((p) => nodeTrafficOpen(config.workspaceNodes, p.nodes)));
const network = new Network("gitpod", { zone: config.zone, adminCidrs: config.adminCidrs, nodeTraffic, tags }, cloud);
const sshKey = new SshKey("gitpod", { keyName: keyPairName(PROJECT, stack), tags }, cloud);
// The VM settings every node shares (workspace nodes change the type and disk size).
const serverVm = {
    region: config.region,
    zone: config.zone,
    instanceType: config.instanceType,
    ubuntuVersion: config.ubuntuVersion,
    systemDiskType: config.systemDiskType,
    systemDiskSize: config.systemDiskSize,
    bandwidthOut: config.bandwidthOut,
    vpcId: network.vpcId,
    subnetId: network.subnetId,
    keyId: sshKey.keyId,
    allowReplacement: config.allowVmReplacement,
    // Paused, every node stops (STOP_CHARGING).
    running: config.running,
};
const server = new CvmNode("gitpod-server", {
    ...serverVm,
    securityGroupId: network.securityGroupId,
    hostname: nodeHostname(stack, "server"),
    allocatePublicIp: false,
    tags,
}, cloud);

// Everything on the VM (k3s steps, in-cluster objects) goes with it: `pulumi destroy` deletes
// the VM and skips deleting those one by one (deletedWith, inherited by the stages' children).
const onVm: pulumi.ComponentResourceOptions = { deletedWith: server.vm };

// 1b. Its stable address (an EIP, kept while paused) and nightly snapshots of its disk.
const address = new PublicAddress("gitpod-server", { instanceId: server.instanceId, bandwidthOut: config.bandwidthOut, addressName: server.hostname, tags }, cloud);
if (config.snapshotsEnabled) {
    new DiskBackups("gitpod-server", {
        diskId: server.systemDiskId,
        policyName: server.hostname,
        hours: config.snapshotHours,
        retentionDays: config.snapshotRetentionDays,
    }, cloud);
}

// 2. DNS: @, * and *.ws point at the VM's EIP.
new DnsRecords("gitpod", { zone: config.dnsZone, domainLabel: config.domainLabel, ip: address.ip, ttl: config.dnsTtl }, cloud);

// 3. k3s over SSH (once the firewall lets us in); its kubeconfig feeds the one Kubernetes
//    provider. While paused nothing reaches the VM or the cluster: every step keeps its inputs,
//    the provider skips the cluster. The kubeconfig is renewed when the one in the stack (read
//    back from the last deployment's outputs) expires within 30 days.
const renewal = kubeconfigRenewalCount(previous, config.running);
const target = { host: address.ip, privateKey: sshKey.privateKey, reachableAfter: [network.firewall] };
const k3s = new K3sServer("k3s", {
    target,
    instanceId: server.instanceId,
    bootDisk: server.bootDisk,
    skipUnreachableCluster: !config.running,
    kubeconfigRenewal: renewal,
    version: config.versions.k3s,
    mirror: config.k3sMirror,
    clusterCidr: config.clusterCidr,
    serviceCidr: config.serviceCidr,
    tlsSans: [config.domain],
    registryMirrors: config.registryMirrors,
    nodeLabels: serverNodeLabels(config.workspaceNodes),
}, onVm);
const provider = k3s.provider;

// 4. Calico with container IP forwarding; CoreDNS answers Gitpod's names inside the cluster.
const k3sReady = k3s.ready;
const calico = new Calico("calico", { provider, target, k3sReady, version: config.versions.calico, clusterCidr: config.clusterCidr }, onVm);
const coreDns = new CoreDnsHairpin("coredns", { provider, k3sReady, domain: config.domain, gitpodNamespace: config.gitpodNamespace, k3sVersion: config.versions.k3s }, onVm);

// 4b. Every image Gitpod will pull (in the chosen install mode), resolved through the configured
// mirrors, before installing.
const images = new ImagePreflight("images", {
    target,
    k3sReady,
    registryMirrors: config.registryMirrors,
    kotsVersion: config.versions.kots,
    gitpodInstaller: config.gitpodInstaller,
}, onVm);

// 4c. The workspace image starts downloading in the background; nothing waits on it.
new WorkspaceImagePrepull("workspace-image", { target, k3sReady, image: config.workspaceImage }, onVm);

// 4d. Workspace nodes: more VMs joined as k3s agents that run the workspaces (none by default).
const workspace = config.workspaceNodes === 0 ? undefined : new WorkspaceNodes("workspace", {
    count: config.workspaceNodes,
    stack,
    vm: { ...serverVm, instanceType: config.workspaceInstanceType, instanceTypeKey: "workspaceInstanceType", systemDiskSize: config.workspaceDiskSize },
    subnetCidr: network.subnetCidr,
    serverFirewall: network.firewall,
    server: { target, privateIp: server.privateIp, nodeName: server.hostname, token: k3s.token, vm: server.vm },
    serverReady: k3sReady,
    clusterReady: calico.ready,
    k3sVersion: config.versions.k3s,
    k3sMirror: config.k3sMirror,
    registryMirrors: config.registryMirrors,
    tags,
}, cloud);
// Each pulls through its own network path: the preflight and the pre-pull run on every node.
const nodeImages = (workspace?.nodes ?? []).map((node) => {
    new WorkspaceImagePrepull(`workspace-image-${node.role}`, { target: node.target, k3sReady: node.installed, image: config.workspaceImage });
    return new ImagePreflight(`images-${node.role}`, { target: node.target, k3sReady: node.installed, registryMirrors: config.registryMirrors, kotsVersion: config.versions.kots });
});

// 5. cert-manager, the DNSPod webhook, ClusterIssuer gitpod-issuer and the wildcard Certificate.
//    A new VM first gets back the certificate the stack kept (or the one handed back through
//    config) when it fits, so a rebuild does not order another one from Let's Encrypt.
const restore = certificateRestore(previous, server.bootDisk, config.tlsCertificate, {
    domain: config.domain,
    acmeServer: config.acmeServer,
    namespace: config.gitpodNamespace,
    secretName: CERTIFICATE_NAME,
});
// The kept copy is read again when it nears expiry (cert-manager renews it in the cluster).
const certificateReads = certificateReadCount(previous, config.running);
const tls = new Tls("tls", {
    provider,
    clusterReady: calico.ready,
    target,
    domain: config.domain,
    gitpodNamespace: config.gitpodNamespace,
    acmeEmail: config.acmeEmail,
    acmeServer: config.acmeServer,
    dns01Nameservers: config.dns01Nameservers,
    dnspodSecretId: config.dnspodSecretId,
    dnspodSecretKey: config.dnspodSecretKey,
    restoreCertificate: restore,
    certificateReads,
}, onVm);

// 6. Gitpod, once the certificate, the CoreDNS fix, every image (on every node) and the workspace
// nodes are there: through kots (default), or Gitpod's own installer + Helm
// (`gitpodInstaller: installer`: no replicated.app).
if (config.signupWarning) pulumi.log.warn(config.signupWarning);
const gitpodCommon = {
    target,
    provider,
    namespace: tls.namespace,
    certificateReady: tls.certificateReady,
    coreDnsReady: coreDns.ready,
    imagesReady: images.ready,
    nodesReady: [...(workspace ? [workspace.ready] : []), ...nodeImages.map((i) => i.ready)],
    domain: config.domain,
    acmeServer: config.acmeServer,
    appVersion: config.gitpodVersion,
    authProviders: config.authProviders,
    signup: config.signup,
    workspaceImage: config.workspaceImage,
    userPatch: config.gitpodConfigPatch,
};
const gitpod =
    config.gitpodInstaller === "installer"
        ? new GitpodInstaller("gitpod", gitpodCommon, onVm)
        : new Gitpod("gitpod", {
              ...gitpodCommon,
              publicIp: address.ip,
              license: config.gitpodLicense,
              appSlug: config.kotsAppSlug,
              channel: config.kotsChannel,
              kotsVersion: config.versions.kots,
              kotsDownloadUrl: config.kotsDownloadUrl,
              kotsSha256: config.kotsSha256,
              items: config.gitpodConfig,
          }, onVm);

export const publicIp = address.ip;
export const vmState = config.running ? "running" : "paused: stopped without compute billing (disks and the EIP still bill); `pulumi config set running true && pulumi up` starts it";
export const gitpodUrl = gitpod.url;
export const adminConsole = gitpod.adminConsole;
export const adminPassword = gitpod.adminPassword;
export const authCallbackUrls = gitpod.callbackUrls;
export const signupWarning = config.signupWarning;
export const dnsNames = gitpodNames(config.domain);
export const sshCommand = pulumi.interpolate`ssh -i gitpod-tencent.pem ubuntu@${address.ip}`;
export const sshPrivateKey = sshKey.privateKey;
export const kubeconfig = k3s.kubeconfig;
export const kubeconfigRenewal = renewal;
export const kubeconfigExpires = k3s.kubeconfig.apply((k) => clientCertificateExpiry(k)?.toISOString() ?? "unknown");
export const certificateSecret = pulumi.interpolate`${tls.namespace}/https-certificates`;
export const gitpodInstaller = config.gitpodInstaller;
// Read back by the next deployment (components/previousDeployment.ts). `tlsCertificate` is also
// what to hand back through config after a `pulumi destroy` (README "Certificates").
export const serverInstanceId = server.instanceId;
export const serverBootDisk = server.bootDisk;
export const tlsCertificate = pulumi.secret(pulumi.all([tls.keptCertificate, previous]).apply(([kept, prev]) => kept || prev.tlsCertificate || ""));
export const tlsRestore = restore;
export const tlsCertificateReads = certificateReads;
export const nodes: pulumi.Output<ClusterNode[]> = pulumi
    .all([server.privateIp, workspace?.list ?? []])
    .apply(([privateIp, agents]) => [{ name: server.hostname, privateIp, role: "server" as const }, ...agents]);
