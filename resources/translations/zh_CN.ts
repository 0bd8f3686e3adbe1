<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Creating the demo round (realistic dossiers, first time only)…</source>
        <translation>正在创建演示评审轮次（生成仿真申报材料，仅首次需要）…</translation>
    </message>
    <message>
        <source>Demo: this computer has no secure keyring, so the demo&apos;s keys are in passphrase-protected files. The passphrase is {passphrase}.</source>
        <translation>演示：本机没有安全的系统密钥环，演示身份的私钥保存在受口令保护的文件中，口令为 {passphrase}。</translation>
    </message>
    <message>
        <source>ReviewDesk</source>
        <translation>评审台</translation>
    </message>
    <message>
        <source>{prog}: wrong usage: {message}</source>
        <translation>{prog}：用法错误：{message}</translation>
    </message>
    <message>
        <source>ReviewDesk: offline expert review of vocational-training carriers.</source>
        <translation>评审台：职业技能培训载体离线专家评审。</translation>
    </message>
    <message>
        <source>workspace folder (default: the per-user data folder; env REVIEWDESK_HOME)</source>
        <translation>工作区文件夹（默认为当前用户的数据文件夹；环境变量 REVIEWDESK_HOME）</translation>
    </message>
    <message>
        <source>interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>open the GUI on the demo round, creating it on first use</source>
        <translation>打开演示评审轮次的图形界面（首次使用时自动创建）</translation>
    </message>
    <message>
        <source>Interrupted; nothing was changed.</source>
        <translation>已中断，未作任何更改。</translation>
    </message>
    <message>
        <source>write a complete demo round</source>
        <translation>生成一个完整的演示评审轮次</translation>
    </message>
    <message>
        <source>an empty or new folder for the round: spec/, identities/, round.rvpkg, homes/</source>
        <translation>用于存放演示评审轮次的空文件夹或新文件夹：spec/、identities/、round.rvpkg、homes/</translation>
    </message>
    <message>
        <source>it is a file, not a folder</source>
        <translation>这是一个文件，不是文件夹</translation>
    </message>
    <message>
        <source>the folder is not empty</source>
        <translation>该文件夹不是空的</translation>
    </message>
    <message>
        <source>Demo round written to {path}: package {package}, homes for {people}.</source>
        <translation>演示评审轮次已写入 {path}：评审包 {package}，已为 {people} 建立工作区。</translation>
    </message>
    <message>
        <source>build a review package (bureau)</source>
        <translation>制作评审包（区人力资源局）</translation>
    </message>
    <message>
        <source>check the dossiers and build the signed package</source>
        <translation>核查申报材料并制作已签名的评审包</translation>
    </message>
    <message>
        <source>the package sources: round.json, applicants.csv, experts.csv, dossiers/, identities/</source>
        <translation>评审包源文件所在文件夹：round.json、applicants.csv、experts.csv、dossiers/、identities/</translation>
    </message>
    <message>
        <source>where to write the signed package</source>
        <translation>已签名评审包的保存位置</translation>
    </message>
    <message>
        <source>the intake&apos;s TLS certificate: the package pins it, and the experts&apos; apps trust no other</source>
        <translation>受理服务的 TLS 证书：写入评审包予以固定，专家端只信任该证书</translation>
    </message>
    <message>
        <source>read every scanned page here and ship the text in the package, so the experts&apos; apps need not</source>
        <translation>在本机对所有扫描页进行文字识别，并将识别结果随评审包一并下发，专家端无需再行识别</translation>
    </message>
    <message>
        <source>verify any exchange file</source>
        <translation>验证任一交换文件</translation>
    </message>
    <message>
        <source>the file to check: a package (.rvpkg), return bundle (.rvret) or result (.rvres)</source>
        <translation>要核验的文件：评审包（.rvpkg）、评分回传包（.rvret）或评审结果（.rvres）</translation>
    </message>
    <message>
        <source>the round&apos;s package, to check who signed</source>
        <translation>本轮评审包，用于核对签名人</translation>
    </message>
    <message>
        <source>a trusted public identity file (may be given more than once)</source>
        <translation>受信任的公开身份文件（可多次指定）</translation>
    </message>
    <message>
        <source>the experts&apos; return bundles, to compute a panel result again from their sheets</source>
        <translation>各专家的评分回传包，用于依据其评分表重新核算评审结果</translation>
    </message>
    <message>
        <source>import a review package into this workspace</source>
        <translation>将评审包导入本工作区</translation>
    </message>
    <message>
        <source>the review package from the bureau</source>
        <translation>区人力资源局下发的评审包</translation>
    </message>
    <message>
        <source>the bureau&apos;s fingerprint, as confirmed with the bureau (first import)</source>
        <translation>已与区人力资源局核对过的指纹（首次导入时）</translation>
    </message>
    <message>
        <source>Building the package with OCR: {percent}%</source>
        <translation>正在生成评审包并识别扫描页：{percent}%</translation>
    </message>
    <message>
        <source>Completeness report (受理 accepted / 补正 to be corrected):</source>
        <translation>材料完整性核查（受理 / 补正）：</translation>
    </message>
    <message>
        <source>{accepted} of {total} applicants accepted, {correction} to be corrected.</source>
        <translation>共 {total} 家申报单位：受理 {accepted} 家，需补正 {correction} 家。</translation>
    </message>
    <message>
        <source>OCR: {read} of {scanned} scanned pages read and shipped in the package ({failed} failed, left to the experts&apos; apps), {seconds:.1f} s.</source>
        <translation>文字识别：{scanned} 页扫描页中已识别 {read} 页并随评审包下发（{failed} 页识别失败，由专家端自行识别），用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Package written to {path}, signed by {name}, fingerprint {fingerprint}.</source>
        <translation>评审包已写入 {path}，签名人 {name}，指纹 {fingerprint}。</translation>
    </message>
    <message>
        <source>Valid {kind} of round {round}: {members} members, signed by {name} ({role}), fingerprint {fingerprint}.</source>
        <translation>验证通过：评审轮次 {round} 的{kind}，共 {members} 个文件，签名人 {name}（{role}），指纹 {fingerprint}。</translation>
    </message>
    <message>
        <source>Computed again from the return bundles: {done} of {total} applicants agree.</source>
        <translation>已依据评分回传包重新核算：{total} 家申报单位中 {done} 家结果一致。</translation>
    </message>
    <message>
        <source>Computed again from the return bundles: {done} of {total} applicants agree; for the others not every counted sheet was among the bundles given.</source>
        <translation>已依据评分回传包重新核算：{total} 家申报单位中 {done} 家结果一致；其余单位计分所用的评分表未全部包含在所提供的回传包中，未能核算。</translation>
    </message>
    <message>
        <source>This package is already imported; nothing changed.</source>
        <translation>该评审包已导入过，未作任何更改。</translation>
    </message>
    <message>
        <source>Imported round {round}: {applicants} applicants, {materials} materials.</source>
        <translation>已导入评审轮次 {round}：申报单位 {applicants} 家，申报材料 {materials} 份。</translation>
    </message>
    <message>
        <source>this workspace&apos;s signing identity</source>
        <translation>本工作区的签名身份</translation>
    </message>
    <message>
        <source>create the signing identity (once)</source>
        <translation>创建签名身份（仅需一次）</translation>
    </message>
    <message>
        <source>your name (or the bureau&apos;s), as it will appear on signed documents</source>
        <translation>您的姓名（或区人力资源局名称），将显示在签名文件上</translation>
    </message>
    <message>
        <source>expert (panel member), chair (panel chair) or bureau (the district bureau)</source>
        <translation>expert（评审专家）、chair（评审组长）或 bureau（区人力资源局）</translation>
    </message>
    <message>
        <source>keep the private key in a passphrase-protected file instead of the system keyring</source>
        <translation>将私钥保存在受口令保护的文件中，而不是系统密钥环</translation>
    </message>
    <message>
        <source>name, role and fingerprint</source>
        <translation>姓名、角色和指纹</translation>
    </message>
    <message>
        <source>write the public identity file for the bureau</source>
        <translation>导出供区人力资源局登记的公开身份文件</translation>
    </message>
    <message>
        <source>where to write the public identity file</source>
        <translation>公开身份文件的保存位置</translation>
    </message>
    <message>
        <source>No secure system keyring is available ({backend}); the key will be kept in a passphrase-protected file.</source>
        <translation>本机没有安全的系统密钥环（{backend}），私钥将保存在受口令保护的文件中。</translation>
    </message>
    <message>
        <source>{store} ({keyring})</source>
        <translation>{store}（{keyring}）</translation>
    </message>
    <message>
        <source>Identity created: {name} ({role}), fingerprint {fingerprint}, key kept in the {store}.</source>
        <translation>身份已创建：{name}（{role}），指纹 {fingerprint}，私钥保存在{store}中。</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>姓名：{name}</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>角色：{role}</translation>
    </message>
    <message>
        <source>Fingerprint: {fingerprint}</source>
        <translation>指纹：{fingerprint}</translation>
    </message>
    <message>
        <source>Private key: {store}</source>
        <translation>私钥：{store}</translation>
    </message>
    <message>
        <source>Public identity written to {path}. Give it to the bureau; read them the fingerprint {fingerprint}.</source>
        <translation>公开身份文件已写入 {path}。请交给区人力资源局，并向对方口头核对指纹 {fingerprint}。</translation>
    </message>
    <message>
        <source>this workspace&apos;s identity, round and applicants</source>
        <translation>本工作区的身份、评审轮次和申报单位</translation>
    </message>
    <message>
        <source>the bureau&apos;s intake service: signed sheets arrive over the network</source>
        <translation>区局受理服务：已签名评分表经网络送达</translation>
    </message>
    <message>
        <source>database URL (default: SQLite in this home; or postgresql+psycopg://…)</source>
        <translation>数据库地址（默认：本工作目录中的 SQLite；或 postgresql+psycopg://…）</translation>
    </message>
    <message>
        <source>run the intake service until stopped (SIGTERM)</source>
        <translation>运行受理服务，直至收到停止信号（SIGTERM）</translation>
    </message>
    <message>
        <source>the address to listen on (default 127.0.0.1: this computer only)</source>
        <translation>监听地址（默认 127.0.0.1：仅限本机访问）</translation>
    </message>
    <message>
        <source>the port (default 8470; 0: any free port)</source>
        <translation>端口（默认 8470；0：任一空闲端口）</translation>
    </message>
    <message>
        <source>TLS certificate (PEM) for HTTPS</source>
        <translation>HTTPS 使用的 TLS 证书（PEM）</translation>
    </message>
    <message>
        <source>TLS private key (PEM) for HTTPS</source>
        <translation>HTTPS 使用的 TLS 私钥（PEM）</translation>
    </message>
    <message>
        <source>serve unencrypted HTTP on a network address: scores and notes travel in the clear (only behind a TLS proxy on this machine)</source>
        <translation>在网络地址上提供未加密的 HTTP 服务：评分和记录将以明文传输（仅限本机有 TLS 代理时使用）</translation>
    </message>
    <message>
        <source>largest bundle accepted, in MB</source>
        <translation>可受理的回传包上限（MB）</translation>
    </message>
    <message>
        <source>seconds of silence after which a transfer is paused (it resumes later)</source>
        <translation>客户端无数据多少秒后暂停传输（之后可续传）</translation>
    </message>
    <message>
        <source>open a round: only the package&apos;s experts may deliver</source>
        <translation>开放评审批次：仅评审包中的专家可提交</translation>
    </message>
    <message>
        <source>the round&apos;s signed review package</source>
        <translation>本评审轮次已签名的评审包</translation>
    </message>
    <message>
        <source>write the intake&apos;s public receipt key, for the round spec</source>
        <translation>导出受理服务的回执公钥，供批次配置使用</translation>
    </message>
    <message>
        <source>where to write the intake&apos;s public receipt key</source>
        <translation>受理服务回执公钥的保存位置</translation>
    </message>
    <message>
        <source>per round, applicant and expert: what arrived, what was refused</source>
        <translation>按批次、申报单位和专家列出已送达和已拒收的情况</translation>
    </message>
    <message>
        <source>print one JSON object</source>
        <translation>输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>print a one-time login link to the bureau&apos;s dashboard</source>
        <translation>生成区局看板的一次性登录链接</translation>
    </message>
    <message>
        <source>the intake&apos;s address as the bureau&apos;s browser reaches it</source>
        <translation>区局浏览器访问受理服务所用的地址</translation>
    </message>
    <message>
        <source>only this round (repeatable; default: every round)</source>
        <translation>仅限该批次（可重复；默认全部批次）</translation>
    </message>
    <message>
        <source>Round {round} is open on the intake: its experts may deliver their signed sheets.</source>
        <translation>评审批次 {round} 已在受理服务开放，该批次专家可提交已签名的评分表。</translation>
    </message>
    <message>
        <source>Round {round} was already open with this package; nothing changed.</source>
        <translation>评审批次 {round} 此前已使用该评审包开放，未作任何更改。</translation>
    </message>
    <message>
        <source>The intake&apos;s receipt key ({fingerprint}) is in {path}. Put it in the round spec as intake.pub.</source>
        <translation>受理服务的回执公钥（{fingerprint}）已写入 {path}，请将其作为 intake.pub 放入批次配置。</translation>
    </message>
    <message>
        <source>No round is open on this intake. Add one with: reviewdesk intake add-package PKG.rvpkg</source>
        <translation>本受理服务尚未开放任何评审批次。请使用以下命令添加：reviewdesk intake add-package PKG.rvpkg</translation>
    </message>
    <message>
        <source>Round {round} {title}: {bundles} bundles accepted; delivered {delivered}, missing {missing}, conflicts {conflict}, refused {refused}.</source>
        <translation>评审批次 {round} {title}：已受理回传包 {bundles} 个；已送达 {delivered}，未提交 {missing}，回避 {conflict}，拒收 {refused}。</translation>
    </message>
    <message>
        <source>The chair&apos;s signed panel result arrived {when} (receipt no. {seq}).</source>
        <translation>评审组长签署的评审结果已于 {when} 收到（第{seq}号回执）。</translation>
    </message>
    <message>
        <source>delivered revision {revision}, {when}</source>
        <translation>已送达第{revision}版，{when}</translation>
    </message>
    <message>
        <source>conflict declared</source>
        <translation>已声明回避</translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation>已拒收：{reason}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>refused {when} from {expert}: {reason}</source>
        <translation>{when} 拒收 {expert} 的回传包：{reason}</translation>
    </message>
    <message>
        <source>Refused {when}, sender unknown: {reason}</source>
        <translation>{when} 拒收，发送人不明：{reason}</translation>
    </message>
    <message>
        <source>The link opens the dashboard once, within 30 minutes; do not share it.</source>
        <translation>该链接在 30 分钟内可打开看板一次，请勿转发他人。</translation>
    </message>
    <message>
        <source>No signing identity yet (reviewdesk keys init).</source>
        <translation>尚未创建签名身份（reviewdesk keys init）。</translation>
    </message>
    <message>
        <source>Identity: {name} ({role}), fingerprint {fingerprint}</source>
        <translation>身份：{name}（{role}），指纹 {fingerprint}</translation>
    </message>
    <message>
        <source>No round imported yet (reviewdesk import PACKAGE.rvpkg).</source>
        <translation>尚未导入评审轮次（reviewdesk import 评审包.rvpkg）。</translation>
    </message>
    <message>
        <source>Round: {title} ({round})</source>
        <translation>评审轮次：{title}（{round}）</translation>
    </message>
    <message>
        <source>revision {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <source>&amp;Find in my notes…</source>
        <translation>查找我的记录(&amp;F)…</translation>
    </message>
    <message>
        <source>Answer the &amp;conflict question…</source>
        <translation>回答回避问题(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export offline score form…</source>
        <translation>导出离线评分表(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import offline score form…</source>
        <translation>导入离线评分表(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Sign score sheet…</source>
        <translation>签名评分表(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Amend signed sheet…</source>
        <translation>修订已签名评分表(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open signed score sheet (PDF)</source>
        <translation>打开已签署的评分表（PDF）(&amp;O)</translation>
    </message>
    <message>
        <source>Save signed score sheet (PDF)…</source>
        <translation>另存已签署的评分表（PDF）…</translation>
    </message>
    <message>
        <source>Export offline score form</source>
        <translation>导出离线评分表</translation>
    </message>
    <message>
        <source>Form saved to {path}. Fill it in Excel or WPS, then import it here.</source>
        <translation>评分表已保存到 {path}。可在 Excel 或 WPS 中填写，再导入本软件。</translation>
    </message>
    <message>
        <source>Import offline score form</source>
        <translation>导入离线评分表</translation>
    </message>
    <message>
        <source>The sheet changed in the app after this form was exported. Overwrite the app&apos;s scores with the form?</source>
        <translation>导出该表后，软件中的评分又有改动。要用表中的内容覆盖软件中的评分吗？</translation>
    </message>
    <message>
        <source>Import score form</source>
        <translation>导入评分表</translation>
    </message>
    <message>
        <source>Save signed score sheet</source>
        <translation>另存已签署的评分表</translation>
    </message>
    <message>
        <source>Open signed score sheet</source>
        <translation>打开已签署的评分表</translation>
    </message>
    <message>
        <source>Signed score sheet saved to {path}.</source>
        <translation>已签署的评分表已保存到 {path}。</translation>
    </message>
    <message>
        <source>Amend signed sheet</source>
        <translation>修订已签名评分表</translation>
    </message>
    <message>
        <source>Why does the signed sheet need a new revision? (e.g. the panel asked to reconsider item 2.1)</source>
        <translation>为什么需要修订已签名的评分表？（例如：专家组要求复议第 2.1 项）</translation>
    </message>
    <message>
        <source>You must withdraw (回避) if, in the last 3 years, you were employed by the applicant, were its director or controlled it; if you are a close relative of its legal representative; or if anything else could keep you from judging it fairly.</source>
        <translation>有下列情形之一的，应当回避：近 3 年内曾在申报单位任职、担任其董事或对其有控制关系；与申报单位法定代表人有近亲属关系；或有其他可能影响公正评审的情形。</translation>
    </message>
    <message>
        <source>Choose the camera folder (e.g. DCIM)</source>
        <translation>选择相机照片文件夹（如 DCIM）</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>照片 ({patterns})</translation>
    </message>
    <message>
        <source>Add {n} photos</source>
        <translation>添加 {n} 张照片</translation>
    </message>
    <message>
        <source>Photos not added</source>
        <translation>照片未添加</translation>
    </message>
    <message>
        <source>Reducing {n} photos…</source>
        <translation>正在压缩 {n} 张照片…</translation>
    </message>
    <message>
        <source>write the offline score form for one applicant</source>
        <translation>导出某一申报单位的离线评分表</translation>
    </message>
    <message>
        <source>the applicant, e.g. A01</source>
        <translation>申报单位编号，例如 A01</translation>
    </message>
    <message>
        <source>FORM.csv or FORM.xlsx</source>
        <translation>评分表.csv 或 评分表.xlsx</translation>
    </message>
    <message>
        <source>fill the draft from a form; all or nothing</source>
        <translation>用评分表填写草稿；要么全部导入，要么不作任何更改</translation>
    </message>
    <message>
        <source>the filled-in form (.csv or .xlsx)</source>
        <translation>已填写的离线评分表（.csv 或 .xlsx）</translation>
    </message>
    <message>
        <source>import even though the sheet changed in the app after the form was exported</source>
        <translation>即使导出后软件中的评分又有改动，仍然导入</translation>
    </message>
    <message>
        <source>Form written to {path}. Fill it in, then: reviewdesk sheet import-form {applicant} {path}</source>
        <translation>评分表已写入 {path}。填写后执行：reviewdesk sheet import-form {applicant} {path}</translation>
    </message>
    <message>
        <source>Form imported into the draft of {applicant}: total {total}; {missing} things left before signing.</source>
        <translation>评分表已导入 {applicant} 的草稿：总分 {total}；签名前还有 {missing} 项待完成。</translation>
    </message>
    <message>
        <source>Still to do: {checklist}.</source>
        <translation>还需完成：{checklist}。</translation>
    </message>
    <message>
        <source>score sheets: sign, amend, declare a conflict, offline forms</source>
        <translation>评分表：签名、修订、声明回避、离线评分表</translation>
    </message>
    <message>
        <source>freeze and sign the current draft (refused while incomplete)</source>
        <translation>冻结并签名当前草稿（未填写完整时拒绝）</translation>
    </message>
    <message>
        <source>open a new draft revision from the last signed one</source>
        <translation>以最近签名的版本为基础开启新的修订草稿</translation>
    </message>
    <message>
        <source>why the signed sheet is changed (kept with the new revision)</source>
        <translation>修订已签名评分表的理由（随新版本一并保存）</translation>
    </message>
    <message>
        <source>declare a conflict of interest: no scoring for that applicant</source>
        <translation>声明回避：此后不再为该申报单位评分</translation>
    </message>
    <message>
        <source>the ground for withdrawing, e.g. employed by the applicant in the last 3 years</source>
        <translation>回避理由，例如近 3 年内曾在该单位任职</translation>
    </message>
    <message>
        <source>confirm you have no conflict of interest (needed before the first score)</source>
        <translation>确认本人无需回避（首次评分前必须确认）</translation>
    </message>
    <message>
        <source>every signed revision in this workspace, as one return bundle</source>
        <translation>将本工作区所有已签名版本导出为一个回传包</translation>
    </message>
    <message>
        <source>where to write the return bundle for the chair</source>
        <translation>交给评审组长的评分回传包的保存位置</translation>
    </message>
    <message>
        <source>leave the site photos out of the bundle</source>
        <translation>回传包中不含现场照片</translation>
    </message>
    <message>
        <source>Signed revision {revision} of the sheet for {applicant} {name}: total {total}, grade {grade}, {recommendation}.</source>
        <translation>已签名 {applicant} {name} 的评分表第 {revision} 版：总分 {total}，等级 {grade}，{recommendation}。</translation>
    </message>
    <message>
        <source>Signature hash (printed on every page of the PDF): {hash}</source>
        <translation>签名摘要（印于 PDF 每一页）：{hash}</translation>
    </message>
    <message>
        <source>Revision {revision} of the sheet for {applicant} is open for changes; sign it again when done.</source>
        <translation>{applicant} 的评分表第 {revision} 版已开启，可以修改；改完后请重新签名。</translation>
    </message>
    <message>
        <source>Conflict of interest declared for {applicant}; you will not score it.</source>
        <translation>已对 {applicant} 声明回避，您将不再为其评分。</translation>
    </message>
    <message>
        <source>Confirmed: no conflict of interest with {applicant}. You can score it now.</source>
        <translation>已确认：本人与 {applicant} 无需回避，现在可以评分。</translation>
    </message>
    <message>
        <source>Return bundle written to {path}. Applicants: {applicants}; signed revisions: {revisions}; declared conflicts: {conflicts}; photos: {photos}.</source>
        <translation>回传包已写入 {path}：{applicants} 家申报单位的 {revisions} 个已签名版本，{conflicts} 项回避声明，{photos} 张照片。</translation>
    </message>
    <message>
        <source>Not in the bundle because not signed yet: {applicants}.</source>
        <translation>以下申报单位尚未签名，未放入回传包：{applicants}。</translation>
    </message>
    <message>
        <source>not a date (YYYY-MM-DD): {value}</source>
        <translation>不是有效日期（YYYY-MM-DD）：{value}</translation>
    </message>
    <message>
        <source>the bureau&apos;s desk: rubric workbooks, notices, publicity</source>
        <translation>区人力资源局工作台：评审细则表格、受理/补正通知、公示</translation>
    </message>
    <message>
        <source>the district&apos;s rubric as a spreadsheet and back</source>
        <translation>本区评审细则导出为表格及从表格导入</translation>
    </message>
    <message>
        <source>write a carrier type&apos;s rubric as an XLSX workbook</source>
        <translation>将某一载体类型的评审细则导出为 XLSX 表格</translation>
    </message>
    <message>
        <source>training_base, master_studio, rural_station or chain_leader</source>
        <translation>training_base（培训基地）、master_studio（大师工作室）、rural_station（乡村振兴工作站）或 chain_leader（链主企业）</translation>
    </message>
    <message>
        <source>the workbook to write (.xlsx)</source>
        <translation>要写入的表格文件（.xlsx）</translation>
    </message>
    <message>
        <source>check an edited rubric workbook and write the rubric JSON</source>
        <translation>检查修改后的评审细则表格并写出细则 JSON 文件</translation>
    </message>
    <message>
        <source>the edited workbook</source>
        <translation>修改后的表格</translation>
    </message>
    <message>
        <source>the rubric file to write (.json)</source>
        <translation>要写入的细则文件（.json）</translation>
    </message>
    <message>
        <source>one acceptance or correction notice (PDF) per applicant</source>
        <translation>为每个申报单位生成受理通知书或补正材料通知书（PDF）</translation>
    </message>
    <message>
        <source>the package&apos;s spec folder</source>
        <translation>评审包源文件夹</translation>
    </message>
    <message>
        <source>the folder for the notices</source>
        <translation>通知书的输出文件夹</translation>
    </message>
    <message>
        <source>the notices&apos; date (default: today)</source>
        <translation>通知书落款日期（默认：今天）</translation>
    </message>
    <message>
        <source>verify the chair&apos;s result, then write the publicity notice and the report letter</source>
        <translation>核验组长签署的评审结果，然后生成公示通知和报送函</translation>
    </message>
    <message>
        <source>the chair&apos;s signed panel result</source>
        <translation>组长签署的评审结果</translation>
    </message>
    <message>
        <source>the round&apos;s package</source>
        <translation>本轮评审包</translation>
    </message>
    <message>
        <source>the folder for the documents</source>
        <translation>文书的输出文件夹</translation>
    </message>
    <message>
        <source>the report letter&apos;s date (default: the first working day after the publicity)</source>
        <translation>报送函落款日期（默认：公示期满后的第一个工作日）</translation>
    </message>
    <message>
        <source>record objections received during the publicity</source>
        <translation>登记公示期间收到的异议</translation>
    </message>
    <message>
        <source>record an objection to a published candidate</source>
        <translation>登记对公示候选单位的异议</translation>
    </message>
    <message>
        <source>the candidate it is about</source>
        <translation>异议涉及的候选单位编号</translation>
    </message>
    <message>
        <source>the day it reached the bureau (YYYY-MM-DD)</source>
        <translation>我局收到异议的日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>who raised it: the unit, or the person&apos;s real name and contact</source>
        <translation>异议人：单位名称，或个人真实姓名及联系方式</translation>
    </message>
    <message>
        <source>what it says</source>
        <translation>异议的主要内容</translation>
    </message>
    <message>
        <source>record the finding on an objection, with its reason</source>
        <translation>登记异议的核查结论及理由</translation>
    </message>
    <message>
        <source>the objection&apos;s number (bureau objection list)</source>
        <translation>异议编号（见 bureau objection list）</translation>
    </message>
    <message>
        <source>成立: the candidate leaves the final list</source>
        <translation>异议成立：该单位不列入最终名单</translation>
    </message>
    <message>
        <source>不成立: the candidate stays</source>
        <translation>异议不成立：该单位保留在名单中</translation>
    </message>
    <message>
        <source>what the bureau found</source>
        <translation>核查情况及理由</translation>
    </message>
    <message>
        <source>every objection recorded and its finding</source>
        <translation>列出已登记的全部异议及核查结论</translation>
    </message>
    <message>
        <source>print one JSON list</source>
        <translation>输出一个 JSON 列表</translation>
    </message>
    <message>
        <source>after the publicity: write the final candidate list and the report letter for it (PDF)</source>
        <translation>公示期满后：生成最终候选名单及相应的报送函（PDF）</translation>
    </message>
    <message>
        <source>the list&apos;s date (default: the first working day after the publicity)</source>
        <translation>名单落款日期（默认：公示期满后的第一个工作日）</translation>
    </message>
    <message>
        <source>Rubric {title} (version {version}) written to {path}.</source>
        <translation>评审细则《{title}》（版本 {version}）已写入 {path}。</translation>
    </message>
    <message>
        <source>Rubric {title} (version {version}) written to {path}; {count} changes from the city&apos;s template.</source>
        <translation>评审细则《{title}》（版本 {version}）已写入 {path}；与市级模板相比有 {count} 处调整。</translation>
    </message>
    <message>
        <source>{total} notices written: {accepted} accepted, {correction} to be corrected.</source>
        <translation>已生成通知书 {total} 份：受理 {accepted} 份，补正 {correction} 份。</translation>
    </message>
    <message>
        <source>Publicity notice: {path} ({count} candidates, {start} to {end}).</source>
        <translation>公示通知：{path}（候选单位 {count} 个，{start} 至 {end}）。</translation>
    </message>
    <message>
        <source>Report letter: {path}, dated {sent}; the deadline {deadline} is {state}.</source>
        <translation>报送函：{path}，落款日期 {sent}；报送期限 {deadline}，{state}。</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>met</source>
        <translation>按期报送</translation>
    </message>
    <message>
        <source>Objection {number} about {applicant} ({name}) recorded, received {received}; decide it with `bureau objection decide {number}`.</source>
        <translation>已登记第 {number} 号异议，涉及 {applicant}（{name}），收到日期 {received}；核查后请用 `bureau objection decide {number}` 登记结论。</translation>
    </message>
    <message>
        <source>Objection {number} about {name}: {verdict}.</source>
        <translation>第 {number} 号异议（涉及{name}）：{verdict}。</translation>
    </message>
    <message>
        <source>{count} objections.</source>
        <translation>共 {count} 件异议。</translation>
    </message>
    <message>
        <source>Final list: {path}, dated {date}: {count} candidates, {removed} removed by upheld objections; the report letter for it: {letter}.</source>
        <translation>最终名单：{path}，日期 {date}：候选单位 {count} 个，因异议成立取消 {removed} 个；按最终名单生成的报送函：{letter}。</translation>
    </message>
    <message>
        <source>the chair&apos;s desk: compile and sign the panel result</source>
        <translation>组长工作台：汇总评分并签署评审结果</translation>
    </message>
    <message>
        <source>verify the return bundles, compile the scores, sign the result</source>
        <translation>核验评分回传包、汇总评分并签署评审结果</translation>
    </message>
    <message>
        <source>the round&apos;s review package</source>
        <translation>本评审轮次的评审包</translation>
    </message>
    <message>
        <source>return bundles (.rvret) or folders holding them</source>
        <translation>评分回传包（.rvret）或存放回传包的文件夹</translation>
    </message>
    <message>
        <source>the folder for the panel summary, candidate list, workbook and signed result</source>
        <translation>专家评审汇总表、候选名单、评分工作簿和已签署评审结果的保存文件夹</translation>
    </message>
    <message>
        <source>first day of the publicity period (default: the first working day after the review deadline)</source>
        <translation>公示期第一天（默认：评审截止日期后的第一个工作日）</translation>
    </message>
    <message>
        <source>sign even though some score sheets have not arrived (recorded in the result)</source>
        <translation>部分评分表未收到时仍予签署（结果中予以记载）</translation>
    </message>
    <message>
        <source>  ✗ {file}: refused, left out: {reason}</source>
        <translation>  ✗ {file}：未通过核验，不予汇总：{reason}</translation>
    </message>
    <message>
        <source>  = {file}: {expert}, already imported; nothing changed</source>
        <translation>  = {file}：{expert}，此前已导入，未作任何更改</translation>
    </message>
    <message>
        <source>  ✓ {file}: {expert}, {revisions} signed revisions ({new} new)</source>
        <translation>  ✓ {file}：{expert}，已签名评分表 {revisions} 版（新增 {new} 版）</translation>
    </message>
    <message>
        <source>  missing: {expert} {name} has sent no sheet for {applicant} {applicant_name}; left out of the count</source>
        <translation>  缺评分表：{expert} {name} 未提交 {applicant} {applicant_name} 的评分表，不计入评分人数</translation>
    </message>
    <message>
        <source>  conflict: {expert} {name} declared a conflict with {applicant}; left out of the count</source>
        <translation>  回避：{expert} {name} 已声明与 {applicant} 回避，不计入评分人数</translation>
    </message>
    <message>
        <source>{carrier_type} (quota {quota}):</source>
        <translation>{carrier_type}（名额 {quota} 个）：</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>拟认定候选</translation>
    </message>
    <message>
        <source>Publicity: {start} to {end} ({days} working days); the list can be sent on {report_by}, deadline {deadline}.</source>
        <translation>公示期：{start} 至 {end}（{days} 个工作日）；名单可于 {report_by} 报送，截止日期 {deadline}。</translation>
    </message>
    <message>
        <source>Warning: after the publicity period the list reaches the bureau after the deadline {deadline}. Choose an earlier start (--publicity-start).</source>
        <translation>警告：公示期结束后报送名单将晚于截止日期 {deadline}。请选择更早的公示开始日期（--publicity-start）。</translation>
    </message>
    <message>
        <source>Return bundles:</source>
        <translation>评分回传包：</translation>
    </message>
    <message>
        <source>{bundles} bundles received in all; {invalid} refused now.</source>
        <translation>累计收到有效回传包 {bundles} 个；本次未通过核验 {invalid} 个。</translation>
    </message>
    <message>
        <source>Panel result signed by {name}: {path} ({candidates} candidates), with the panel summary, the candidate list and the score workbook in {folder}.</source>
        <translation>评审结果已由 {name} 签署：{path}（拟认定候选 {candidates} 家），专家评审汇总表、候选名单和评分工作簿已保存在 {folder}。</translation>
    </message>
    <message>
        <source>Abnormal (畸高畸低): a total more than {ratio}% of the maximum away from the other experts&apos; median.</source>
        <translation>畸高畸低：某专家总分与其他专家总分中位数之差超过满分的 {ratio}%。</translation>
    </message>
    <message>
        <source>Items too, where also at least {points} points away.</source>
        <translation>单项评分相差超过该项分值相应比例且不少于 {points} 分的，亦予标注。</translation>
    </message>
    <message>
        <source>Method: {method}, {level}.</source>
        <translation>汇总方法：{method}，{level}。</translation>
    </message>
    <message>
        <source>Rounding: {decimals} decimals, half up. Minimum score for a candidate: {min_score}.</source>
        <translation>保留 {decimals} 位小数，四舍五入。最低推荐分：{min_score}。</translation>
    </message>
    <message>
        <source>Veto: {rule}. Ties: {tie}.</source>
        <translation>一票否决：{rule}。名次并列：{tie}。</translation>
    </message>
    <message>
        <source>bring the search index up to date (text layers and OCR of scans)</source>
        <translation>更新检索索引（文本层及扫描页文字识别）</translation>
    </message>
    <message>
        <source>wait until every scanned page is read, printing progress</source>
        <translation>等待全部扫描页识别完成，并显示进度</translation>
    </message>
    <message>
        <source>print pages done, pending and failed per material as JSON</source>
        <translation>以 JSON 格式输出各材料已完成、待处理和失败的页数</translation>
    </message>
    <message>
        <source>search the dossiers (text layers and OCR alike)</source>
        <translation>检索申报材料（含文本层及扫描页识别文字）</translation>
    </message>
    <message>
        <source>the word or words to find (one or two Chinese characters will do)</source>
        <translation>要查找的字词（一两个汉字即可）</translation>
    </message>
    <message>
        <source>only this applicant&apos;s dossier</source>
        <translation>仅检索该申报单位的材料</translation>
    </message>
    <message>
        <source>print the hits as one JSON object</source>
        <translation>以一个 JSON 对象输出检索结果</translation>
    </message>
    <message>
        <source>Another ReviewDesk window or command is indexing this workspace; waiting for it to finish…</source>
        <translation>另一个评审台窗口或命令正在为本工作区建立索引，正在等待其完成…</translation>
    </message>
    <message>
        <source>Reading scanned pages: {done}/{total}</source>
        <translation>正在识别扫描页：{done}/{total}</translation>
    </message>
    <message>
        <source>{applicant} {material}: {pages} pages, scans read {done}, pending {pending}, failed {failed}</source>
        <translation>{applicant} {material}：共 {pages} 页，扫描页已识别 {done} 页，待识别 {pending} 页，失败 {failed} 页</translation>
    </message>
    <message>
        <source>(OCR)</source>
        <translation>（识别文字）</translation>
    </message>
    <message>
        <source>No hits.</source>
        <translation>未找到结果。</translation>
    </message>
    <message>
        <source>Verify a signed file</source>
        <translation>核验签名文件</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在核验 {name}…</translation>
    </message>
    <message>
        <source>send this workspace&apos;s outbox to the bureau&apos;s intake and check every receipt</source>
        <translation>将本工作区待报送的评分表报送至区人力资源局受理服务，并逐一核验回执</translation>
    </message>
    <message>
        <source>the intake&apos;s address (default: the one the package names)</source>
        <translation>受理服务地址（默认使用评审包中指定的地址）</translation>
    </message>
    <message>
        <source>print every outbox item&apos;s state as one JSON object</source>
        <translation>以一个 JSON 对象输出待发送队列中每一项的状态</translation>
    </message>
    <message>
        <source>fetch every bundle the intake accepted for this round</source>
        <translation>获取受理服务已接收的本轮次全部评分回传包</translation>
    </message>
    <message>
        <source>{delivered} delivered now; {pending} still to send.</source>
        <translation>本次已报送 {delivered} 项；尚有 {pending} 项待报送。</translation>
    </message>
    <message>
        <source>{listed} bundles on the intake, {downloaded} fetched now, {imported} imported into this workspace.</source>
        <translation>受理服务共有 {listed} 个回传包，本次获取 {downloaded} 个，导入本工作区 {imported} 个。</translation>
    </message>
    <message>
        <source>{state} (receipt no. {seq})</source>
        <translation>{state}（回执第 {seq} 号）</translation>
    </message>
    <message>
        <source>{state}: {reason}</source>
        <translation>{state}：{reason}</translation>
    </message>
    <message>
        <source>{state}: next try at {time}. {error}</source>
        <translation>{state}：将于 {time} 重试。{error}</translation>
    </message>
    <message>
        <source>panel result</source>
        <translation>评审结果</translation>
    </message>
    <message>
        <source>Everything signed is delivered to the bureau.</source>
        <translation>已签名的评分表均已报送区人力资源局。</translation>
    </message>
    <message>
        <source>{n} signed items waiting to be sent to the bureau.</source>
        <translation>有 {n} 项已签名内容待报送区人力资源局。</translation>
    </message>
    <message>
        <source>Send signed sheets to the bureau &amp;now</source>
        <translation>立即报送已签名评分表(&amp;N)</translation>
    </message>
    <message>
        <source>remove this round&apos;s dossiers, index and caches once its sheets are delivered and the report deadline has passed</source>
        <translation>评分表已报送且报送截止日期已过后，删除本轮的申报材料、检索索引和缓存</translation>
    </message>
    <message>
        <source>print what was removed as one JSON object</source>
        <translation>以一个 JSON 对象输出已删除的内容</translation>
    </message>
    <message>
        <source>Round {round} closed: {files} files ({bytes} bytes) removed; the signed sheets, receipts and the audit log are kept.</source>
        <translation>评审轮次 {round} 已结束：已删除 {files} 个文件（{bytes} 字节）；已签名的评分表、回执和审计日志均予保留。</translation>
    </message>
    <message>
        <source>This workspace is encrypted with your passphrase. Type it to open the workspace:</source>
        <translation>本工作区已用您的口令加密。请输入口令以打开工作区：</translation>
    </message>
    <message>
        <source>&amp;Close this round…</source>
        <translation>结束本轮评审(&amp;C)…</translation>
    </message>
    <message>
        <source>This round is closed: its dossiers, search index and caches were removed from this computer.</source>
        <translation>本轮评审已结束：其申报材料、检索索引和缓存已从本机删除。</translation>
    </message>
    <message>
        <source>Remove this round&apos;s dossiers, search index and caches from this computer; your signed sheets stay.</source>
        <translation>从本机删除本轮的申报材料、检索索引和缓存；已签名的评分表予以保留。</translation>
    </message>
    <message>
        <source>Close this round</source>
        <translation>结束本轮评审</translation>
    </message>
    <message>
        <source>Close round {round} on this computer?</source>
        <translation>是否在本机结束评审轮次 {round}？</translation>
    </message>
    <message>
        <source>This removes {files} files ({size}): the applicants&apos; dossiers ({dossiers} files, {dossier_size}), the search index and the caches. They cannot be restored.

What stays: your signed score sheets with their PDFs and site photos, the bureau&apos;s receipts, the return bundles and the audit log, which records what was removed.</source>
        <translation>将删除 {files} 个文件（{size}）：各申报单位的申报材料（{dossiers} 个文件，{dossier_size}）、检索索引和缓存，删除后无法恢复。

予以保留：您已签名的评分表及其 PDF 和现场照片、区人力资源局的回执、回传包以及审计日志（日志将记录本次删除的内容）。</translation>
    </message>
    <message>
        <source>Remove and close the round</source>
        <translation>删除并结束本轮评审</translation>
    </message>
    <message>
        <source>Removing this round&apos;s dossiers, index and caches…</source>
        <translation>正在删除本轮的申报材料、索引和缓存…</translation>
    </message>
    <message>
        <source>Round {round} is closed: {files} files ({size}) were removed from this computer. Your signed score sheets, the receipts and the audit log are kept.</source>
        <translation>评审轮次 {round} 已结束：已从本机删除 {files} 个文件（{size}）。您已签名的评分表、回执和审计日志均予以保留。</translation>
    </message>
    <message>
        <source>Encrypting this workspace&apos;s files, once after the upgrade. This can take a few minutes; if it is interrupted, it carries on at the next start.</source>
        <translation>正在加密本工作区的文件（升级后仅需一次）。可能需要几分钟；如中途被打断，下次启动时将继续进行。</translation>
    </message>
</context>
<context>
    <name>ApplicantDetailView</name>
    <message>
        <source>Choose an applicant in the matrix to see its items.</source>
        <translation>请在汇总表中选择申报单位以查看逐项评分。</translation>
    </message>
    <message>
        <source>{name} ({id}, {type}): final {final}, {n} experts counted{trim}.</source>
        <translation>{name}（{id}，{type}）：最终得分 {final}，计入评分专家 {n} 人{trim}。</translation>
    </message>
    <message>
        <source>, highest and lowest dropped</source>
        <translation>，已去掉一个最高分和一个最低分</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
</context>
<context>
    <name>ApplicantPage</name>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Carrier type</source>
        <translation>载体类型</translation>
    </message>
    <message>
        <source>Kind of entity</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>受理情况</translation>
    </message>
    <message>
        <source>The bureau asked for corrections:</source>
        <translation>区人力资源局要求补正：</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>齐全</translation>
    </message>
    <message>
        <source>password-protected</source>
        <translation>有密码保护</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>ApplicantTableModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>State</source>
        <translation>评审状态</translation>
    </message>
    <message>
        <source>rev. {n}</source>
        <translation>第{n}版</translation>
    </message>
</context>
<context>
    <name>ApplicantsStep</name>
    <message>
        <source>Import the portal&apos;s list (XLSX or CSV)…</source>
        <translation>导入申报系统导出的名单（XLSX 或 CSV）…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Kind of unit</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Carrier type</source>
        <translation>载体类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Applicant list</source>
        <translation>申报单位名单</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>表格文件 (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>{added} applicants added, {updated} updated from {file}.</source>
        <translation>已从 {file} 新增申报单位 {added} 个，更新 {updated} 个。</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助信息并退出</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>必须指定以下参数之一：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要提供一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多只能提供一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要提供一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>需要提供 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>需要提供 %s 个值</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项 %(option)s 有歧义，可能是：%(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>该选项不接受值，多余的值：%r</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>意外的选项：%s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>未知的命令 %(parser_name)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>无法打开“%(filename)s”：%(error)s</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
</context>
<context>
    <name>BinderPicker</name>
    <message>
        <source>Split {file} by page ranges ({id})</source>
        <translation>按页码范围拆分 {file}（{id}）</translation>
    </message>
    <message>
        <source>Assign these pages</source>
        <translation>指定为该材料</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>pages</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页码范围</translation>
    </message>
    <message>
        <source>Remove the selected mark</source>
        <translation>删除所选页码范围</translation>
    </message>
    <message>
        <source>Select a material&apos;s first and last page (Shift+click), choose the material and assign. Each assignment is saved at once; the binder itself is not changed.</source>
        <translation>在缩略图中选中某项材料的首页和末页（按住 Shift 单击），选择对应材料后点击“指定为该材料”。每次指定即时保存，合订本原件不作任何改动。</translation>
    </message>
    <message>
        <source>(extra)</source>
        <translation>（多余）</translation>
    </message>
    <message>
        <source>page {number}</source>
        <translation>第 {number} 页</translation>
    </message>
</context>
<context>
    <name>BuildStep</name>
    <message>
        <source>Read the scanned pages here and ship the text (package build --ocr)</source>
        <translation>在本机识别扫描页并随评审包下发识别结果（package build --ocr）</translation>
    </message>
    <message>
        <source>Build and sign the package</source>
        <translation>生成并签署评审包</translation>
    </message>
    <message>
        <source>Package file</source>
        <translation>评审包文件</translation>
    </message>
    <message>
        <source>The package is signed with the bureau&apos;s key. Type the passphrase of your key file:</source>
        <translation>评审包将以本局密钥签署。请输入密钥文件的口令：</translation>
    </message>
    <message>
        <source>Build the package</source>
        <translation>生成评审包</translation>
    </message>
    <message>
        <source>Checking the dossiers and building the package…</source>
        <translation>正在审核申报材料并生成评审包…</translation>
    </message>
    <message>
        <source>Package written to {path}: {accepted} of {total} applicants accepted, {correction} to be corrected.</source>
        <translation>评审包已写入 {path}：{total} 个申报单位中受理 {accepted} 个，需补正 {correction} 个。</translation>
    </message>
    <message>
        <source>Cancelled; no package was written.</source>
        <translation>已取消，未生成评审包。</translation>
    </message>
</context>
<context>
    <name>BureauDesk</name>
    <message>
        <source>1 Round</source>
        <translation>1 评审轮次</translation>
    </message>
    <message>
        <source>2 Applicants</source>
        <translation>2 申报单位</translation>
    </message>
    <message>
        <source>3 Dossiers (受理/补正)</source>
        <translation>3 申报材料（受理/补正）</translation>
    </message>
    <message>
        <source>4 Rubric</source>
        <translation>4 评审细则</translation>
    </message>
    <message>
        <source>5 Experts</source>
        <translation>5 评审专家</translation>
    </message>
    <message>
        <source>6 Build the package</source>
        <translation>6 生成评审包</translation>
    </message>
    <message>
        <source>7 Publicity and report</source>
        <translation>7 公示与报送</translation>
    </message>
    <message>
        <source>Bureau&apos;s desk</source>
        <translation>区人力资源局工作台</translation>
    </message>
</context>
<context>
    <name>ChairDesk</name>
    <message>
        <source>Export and sign result…</source>
        <translation>导出并签署评审结果…</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>收取评分</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分汇总</translation>
    </message>
    <message>
        <source>Changed scores</source>
        <translation>评分变更</translation>
    </message>
    <message>
        <source>Ranking and candidates</source>
        <translation>排名与候选名单</translation>
    </message>
    <message>
        <source>{title} — Chair: {name}</source>
        <translation>{title} — 组长：{name}</translation>
    </message>
    <message>
        <source>Changed scores ({n})</source>
        <translation>评分变更（{n}）</translation>
    </message>
    <message>
        <source>Changed scores ({n}, {open} without reason)</source>
        <translation>评分变更（{n}，{open} 项未说明理由）</translation>
    </message>
    <message>
        <source>Add return bundles</source>
        <translation>添加评分回传包</translation>
    </message>
    <message>
        <source>Return bundles (*.rvret)</source>
        <translation>回传包 (*.rvret)</translation>
    </message>
    <message>
        <source>Add every return bundle in a folder</source>
        <translation>添加文件夹中的全部评分回传包</translation>
    </message>
    <message>
        <source>Verifying the return bundles…</source>
        <translation>正在核验评分回传包…</translation>
    </message>
    <message>
        <source>{imported} bundles imported, {already} already there, {invalid} refused.</source>
        <translation>已导入回传包 {imported} 个，此前已有 {already} 个，未通过核验 {invalid} 个。</translation>
    </message>
    <message>
        <source>Chair&apos;s desk</source>
        <translation>组长工作台</translation>
    </message>
    <message>
        <source>Panel result signed: {path}</source>
        <translation>评审结果已签署：{path}</translation>
    </message>
</context>
<context>
    <name>ChairLabels</name>
    <message>
        <source>Adding-up error</source>
        <translation>计分错误</translation>
    </message>
    <message>
        <source>Score outside the item&apos;s range</source>
        <translation>评分超出该项分值范围</translation>
    </message>
    <message>
        <source>Disagreement on an objective item</source>
        <translation>客观评分项认定不一致</translation>
    </message>
    <message>
        <source>Abnormally high or low</source>
        <translation>评分畸高畸低</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>Valid, imported</source>
        <translation>有效，已导入</translation>
    </message>
    <message>
        <source>Valid, already imported</source>
        <translation>有效，此前已导入</translation>
    </message>
    <message>
        <source>Invalid, left out</source>
        <translation>无效，不予汇总</translation>
    </message>
    <message>
        <source>Valid, current</source>
        <translation>有效，最新</translation>
    </message>
    <message>
        <source>Valid, superseded by a newer bundle</source>
        <translation>有效，已被更新的回传包取代</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>算术平均</translation>
    </message>
    <message>
        <source>trimmed mean (drop the single highest and lowest when at least {n} experts scored)</source>
        <translation>去掉一个最高分和一个最低分后取平均（评分专家不少于 {n} 人时）</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>per item, then summed</source>
        <translation>逐项汇总后求和</translation>
    </message>
    <message>
        <source>on the experts&apos; totals</source>
        <translation>按各专家总分汇总</translation>
    </message>
    <message>
        <source>one expert&apos;s veto excludes</source>
        <translation>任一专家认定即否决</translation>
    </message>
    <message>
        <source>a majority of the scoring experts must veto</source>
        <translation>过半数评分专家认定方否决</translation>
    </message>
    <message>
        <source>equal scores share a rank</source>
        <translation>得分相同者名次并列</translation>
    </message>
    <message>
        <source>equal scores are ordered by section {section}, then share a rank</source>
        <translation>得分相同者按“{section}”得分排序，仍相同者名次并列</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>no sheet</source>
        <translation>未提交评分表</translation>
    </message>
    <message>
        <source>veto by {votes} of {scorers} experts</source>
        <translation>一票否决（{scorers} 名评分专家中 {votes} 名认定）</translation>
    </message>
    <message>
        <source>total abnormally high ({gap})</source>
        <translation>总分畸高（{gap}）</translation>
    </message>
    <message>
        <source>total abnormally low ({gap})</source>
        <translation>总分畸低（{gap}）</translation>
    </message>
    <message>
        <source>item {item} abnormally high ({gap})</source>
        <translation>第{item}项畸高（{gap}）</translation>
    </message>
    <message>
        <source>item {item} abnormally low ({gap})</source>
        <translation>第{item}项畸低（{gap}）</translation>
    </message>
    <message>
        <source>item {item} low without a reason</source>
        <translation>第{item}项低分未说明理由</translation>
    </message>
    <message>
        <source>{expert}: {flags}</source>
        <translation>{expert}：{flags}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{received} of {expected} sheets counted; not received from {experts}</source>
        <translation>应交评分表 {expected} 份，计入 {received} 份；未收到：{experts}</translation>
    </message>
    <message>
        <source>no scores</source>
        <translation>无有效评分</translation>
    </message>
    <message>
        <source>vetoed, not ranked</source>
        <translation>一票否决，不予排名</translation>
    </message>
    <message>
        <source>below the minimum score</source>
        <translation>低于最低推荐分</translation>
    </message>
    <message>
        <source>tied at the quota line: for the panel to decide</source>
        <translation>名额线处得分并列，待评审组研究</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>评审专家</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>原分 → 新分</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Expert&apos;s reason</source>
        <translation>专家修订说明</translation>
    </message>
    <message>
        <source>Permitted reason</source>
        <translation>变更理由</translation>
    </message>
    <message>
        <source>Once totals exist a score may change only for a permitted reason. Each change below carries the reason of the request that asked for it, or the one you choose.</source>
        <translation>汇总得分形成后，评分只能因规定的理由变更。下列每项变更采用复核请求中的理由，或由组长选择理由。</translation>
    </message>
    <message>
        <source>r{old} → r{new}</source>
        <translation>第{old}版 → 第{new}版</translation>
    </message>
    <message>
        <source>{n} changed scores have no permitted reason: the result cannot be signed.</source>
        <translation>有 {n} 项变更的评分未说明允许的变更理由，评审结果暂不能签署。</translation>
    </message>
    <message>
        <source>Every changed score carries a permitted reason.</source>
        <translation>每一项变更的评分均已注明允许的变更理由。</translation>
    </message>
    <message>
        <source>No score has changed since it was first signed.</source>
        <translation>首次签名后没有评分发生变更。</translation>
    </message>
    <message>
        <source>— choose a permitted reason —</source>
        <translation>— 请选择变更理由 —</translation>
    </message>
    <message>
        <source>{reason} (from the request)</source>
        <translation>{reason}（复核请求）</translation>
    </message>
    <message>
        <source>Changed scores</source>
        <translation>评分变更</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Passphrase: </source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Passphrase again: </source>
        <translation>再次输入口令：</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>Answer the conflict question…</source>
        <translation>回答回避问题…</translation>
    </message>
    <message>
        <source>Confirm that you have no conflict of interest with this applicant before scoring.</source>
        <translation>评分前，请先确认您与该申报单位不存在需要回避的情形。</translation>
    </message>
    <message>
        <source>You withdrew from this applicant (conflict of interest): {reason}</source>
        <translation>您已申请回避该申报单位：{reason}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflict of interest</source>
        <translation>回避声明</translation>
    </message>
    <message>
        <source>Before you score {name}:</source>
        <translation>在对“{name}”评分之前：</translation>
    </message>
    <message>
        <source>I have no conflict of interest with this applicant</source>
        <translation>本人与该申报单位不存在需要回避的情形</translation>
    </message>
    <message>
        <source>I have a conflict of interest and withdraw from scoring it</source>
        <translation>本人存在需要回避的情形，申请回避，不参加对其评分</translation>
    </message>
    <message>
        <source>Reason (required), e.g. employed there until 2024</source>
        <translation>回避理由（必填），例如：2024 年前曾在该单位任职</translation>
    </message>
    <message>
        <source>Choose one of the two answers.</source>
        <translation>请在两项中选择一项。</translation>
    </message>
    <message>
        <source>Write the reason for withdrawing.</source>
        <translation>请填写回避理由。</translation>
    </message>
</context>
<context>
    <name>DiscussionView</name>
    <message>
        <source>What the panel discussed about this applicant…</source>
        <translation>评审组对该申报单位的讨论意见…</translation>
    </message>
    <message>
        <source>Add to the notes</source>
        <translation>添加纪要</translation>
    </message>
    <message>
        <source>Remove note</source>
        <translation>删除纪要</translation>
    </message>
    <message>
        <source>Ask experts to reconsider items…</source>
        <translation>请专家复核评分项…</translation>
    </message>
    <message>
        <source>Discussion notes</source>
        <translation>讨论纪要</translation>
    </message>
    <message>
        <source>Reconsideration requests</source>
        <translation>复核请求</translation>
    </message>
    <message>
        <source>answered by revision {n}</source>
        <translation>已提交第 {n} 版</translation>
    </message>
    <message>
        <source>waiting for a new revision</source>
        <translation>等待专家修订</translation>
    </message>
    <message>
        <source>{expert}: items {items} — {reason}{note} ({answer})</source>
        <translation>{expert}：第 {items} 项 — {reason}{note}（{answer}）</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>评审讨论</translation>
    </message>
</context>
<context>
    <name>DossierViewer</name>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Choose an applicant to see the dossier.</source>
        <translation>请选择申报单位以查看申报材料。</translation>
    </message>
    <message>
        <source>Choose a material on the left.</source>
        <translation>请在左侧选择一份材料。</translation>
    </message>
    <message>
        <source>There is no page “{page}” in this material.</source>
        <translation>本材料没有“{page}”页。</translation>
    </message>
</context>
<context>
    <name>DossiersStep</name>
    <message>
        <source>Add a folder of PDFs…</source>
        <translation>添加材料文件夹…</translation>
    </message>
    <message>
        <source>Add a binder PDF (split at its bookmarks)…</source>
        <translation>添加合订 PDF（按书签拆分）…</translation>
    </message>
    <message>
        <source>Split a binder by page ranges…</source>
        <translation>按页码范围拆分合订 PDF…</translation>
    </message>
    <message>
        <source>Print the notices (受理/补正)…</source>
        <translation>打印受理/补正通知书…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>Carrier type</source>
        <translation>载体类型</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>审核结论</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>To correct</source>
        <translation>需补正事项</translation>
    </message>
    <message>
        <source>Checking the scanned pages: %v of %m applicants</source>
        <translation>正在检查扫描页：第 %v / %m 个申报单位</translation>
    </message>
    <message>
        <source>Folder for the notices</source>
        <translation>通知书保存文件夹</translation>
    </message>
    <message>
        <source>Writing the notices…</source>
        <translation>正在生成通知书…</translation>
    </message>
    <message>
        <source>{count} notices written to {folder}: {correction} 补正, {accepted} 受理.</source>
        <translation>已生成通知书 {count} 份，保存在 {folder}：补正 {correction} 份，受理 {accepted} 份。</translation>
    </message>
    <message>
        <source>Select an applicant first.</source>
        <translation>请先选择申报单位。</translation>
    </message>
    <message>
        <source>Folder of {id}</source>
        <translation>{id} 的材料文件夹</translation>
    </message>
    <message>
        <source>Binder of {id}</source>
        <translation>{id} 的合订文件</translation>
    </message>
    <message>
        <source>(not a required material)</source>
        <translation>（不属于规定材料）</translation>
    </message>
    <message>
        <source>Which material is this?</source>
        <translation>该文件是哪项材料？</translation>
    </message>
    <message>
        <source>{count} unfit scanned pages</source>
        <translation>{count}页扫描件不合格</translation>
    </message>
    <message>
        <source>{accepted} of {total} applicants complete, {correction} to be corrected.</source>
        <translation>{total} 个申报单位中材料齐全 {accepted} 个，需补正 {correction} 个。</translation>
    </message>
</context>
<context>
    <name>ExpertsStep</name>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Enrol from a .pub file…</source>
        <translation>从 .pub 文件登记专家…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Who reviews whom (ticked: assigned; “All” includes applicants added later; red: may be conflicted):</source>
        <translation>评审分配（勾选即分配；“全部”含此后新增的申报单位；红色：可能存在回避情形）：</translation>
    </message>
    <message>
        <source>Public identity</source>
        <translation>公开身份文件</translation>
    </message>
    <message>
        <source>Public identity (*.pub)</source>
        <translation>公开身份文件 (*.pub)</translation>
    </message>
    <message>
        <source>{name} enrolled; confirm the fingerprint with them: {fingerprint}</source>
        <translation>已登记 {name}；请与本人核对指纹：{fingerprint}</translation>
    </message>
    <message>
        <source>Assignments of {name} saved.</source>
        <translation>{name}的评审分配已保存。</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>May be conflicted with {applicant}: {why}</source>
        <translation>可能与{applicant}存在回避情形：{why}</translation>
    </message>
    <message>
        <source>Warning: {expert} may be conflicted with {applicant} ({value}).</source>
        <translation>提示：{expert} 可能与 {applicant}（{value}）存在回避情形。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>ReviewDesk guide</source>
        <translation>评审台使用说明</translation>
    </message>
    <message>
        <source>Before the visit</source>
        <translation>考察之前</translation>
    </message>
    <message>
        <source>Create your signing identity (the start page: Create my signing identity…) and send your public identity file (File ▸ Export my public identity…) to the bureau.</source>
        <translation>创建签名身份（起始页：“创建我的签名身份…”），并将公开身份文件（文件 ▸ 导出我的公开身份…）发送给区人力资源局。</translation>
    </message>
    <message>
        <source>Open the review package the bureau sent you (File ▸ Open review package…, or drop the .rvpkg on the window). Compare the fingerprint shown with the one the bureau read out to you.</source>
        <translation>打开区人力资源局发来的评审包（文件 ▸ 打开评审包…，或将 .rvpkg 文件拖入窗口），并将显示的指纹与局方向您告知的指纹逐位核对。</translation>
    </message>
    <message>
        <source>Scoring an applicant</source>
        <translation>为申报单位评分</translation>
    </message>
    <message>
        <source>Choose the applicant on the left. Answer the conflict-of-interest question (回避) first: scoring starts once you confirm that you have none.</source>
        <translation>在左侧选择申报单位。先回答回避问题：确认无须回避后方可开始评分。</translation>
    </message>
    <message>
        <source>Type each item&apos;s score and press Tab for the next one. A score under 60% of the points asks for a reason on the spot. Everything is saved as you type.</source>
        <translation>逐项输入分数，按 Tab 键进入下一项。得分低于该项分值 60% 时，会当场要求填写理由。所有输入随时自动保存。</translation>
    </message>
    <message>
        <source>Read the dossier on the left while you type: PgUp/PgDn or Alt+Up/Alt+Down turn pages, Ctrl+= and Ctrl+− zoom, Ctrl+F searches.</source>
        <translation>评分时可在左侧查阅申报材料：PgUp/PgDn 或 Alt+↑/Alt+↓ 翻页，Ctrl+= 和 Ctrl+− 缩放，Ctrl+F 搜索。</translation>
    </message>
    <message>
        <source>Link the evidence: select a region on a page, or link the page shown, for the item in focus.</source>
        <translation>关联佐证：为当前评分项框选页面上的区域，或将当前页作为佐证。</translation>
    </message>
    <message>
        <source>Site notes and photos go with the item in focus or with the whole visit. A note you have not added yet is kept for that applicant.</source>
        <translation>考察记录和照片可归入当前评分项，或归入整个实地考察。尚未添加的记录草稿会为该申报单位保留。</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes the last change and Ctrl+Shift+Z redoes it, also from inside a score box.</source>
        <translation>Ctrl+Z 撤销上一次修改，Ctrl+Shift+Z 重做；在分数输入框内同样有效。</translation>
    </message>
    <message>
        <source>Signing and sending</source>
        <translation>签署与提交</translation>
    </message>
    <message>
        <source>The To do tab lists what is left. When it is empty, sign (Ctrl+Shift+S): the sheet is frozen and its PDF written. Open or save the PDF from the sign dialog or the Sheet menu.</source>
        <translation>“待办”页列出尚未完成的事项。全部完成后即可签署（Ctrl+Shift+S）：评分表随即锁定并生成 PDF。可在签署对话框或“评分表”菜单中打开或另存该 PDF。</translation>
    </message>
    <message>
        <source>A signed sheet changes only through Sheet ▸ Amend, with a reason; the new revision is signed again.</source>
        <translation>已签署的评分表只能通过“评分表 ▸ 修订已签名评分表…”并说明理由后修改，新版本需再次签署。</translation>
    </message>
    <message>
        <source>Export the return bundle (File ▸ Export signed sheets…) and hand it to the chair or the bureau.</source>
        <translation>导出回传包（文件 ▸ 导出已签名评分表…），交给专家组组长或区人力资源局。</translation>
    </message>
    <message>
        <source>The chair</source>
        <translation>专家组组长</translation>
    </message>
    <message>
        <source>Open the chair&apos;s desk (Ctrl+Shift+C): take in the experts&apos; bundles, discuss, give a permitted reason for every changed score, rank against the quota and sign the result.</source>
        <translation>打开组长工作台（Ctrl+Shift+C）：接收各位专家的回传包，组织讨论，为每一处改动的分数注明允许的理由，按名额排序并签署评审结果。</translation>
    </message>
</context>
<context>
    <name>HitList</name>
    <message>
        <source>{material} · page {label}</source>
        <translation>{material} · 第 {label} 页</translation>
    </message>
    <message>
        <source>({count} hits)</source>
        <translation>（{count} 处）</translation>
    </message>
    <message>
        <source>OCR</source>
        <translation>识别文字</translation>
    </message>
    <message>
        <source>{count} hits on {pages} pages</source>
        <translation>共 {count} 处，分布在 {pages} 页</translation>
    </message>
    <message>
        <source>No hits.</source>
        <translation>未找到。</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Create your signing identity</source>
        <translation>创建签名身份</translation>
    </message>
    <message>
        <source>Your score sheets are signed with a key that only this computer holds. Create it once; then export your public identity file and give it to the bureau.</source>
        <translation>您的评分表将用仅保存在本机的密钥签名。请先创建一次签名身份，再导出公开身份文件交给区人力资源局。</translation>
    </message>
    <message>
        <source>Your full name, as on the panel list</source>
        <translation>您的姓名（与专家名单一致）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>The private key will be kept in the system keyring ({backend}).</source>
        <translation>私钥将保存在系统密钥环中（{backend}）。</translation>
    </message>
    <message>
        <source>This computer has no secure system keyring ({reason}). Your private key will be kept in a file protected by the passphrase that opens this workspace: type it once more to confirm.</source>
        <translation>本机没有安全的系统密钥环（{reason}）。您的私钥将保存在由打开本工作区所用口令保护的文件中，请再输入一次该口令以确认。</translation>
    </message>
    <message>
        <source>Workspace passphrase</source>
        <translation>工作区口令</translation>
    </message>
    <message>
        <source>This is not the passphrase that opened this workspace. Type that one.</source>
        <translation>该口令与打开本工作区时输入的口令不一致，请输入打开工作区时使用的口令。</translation>
    </message>
    <message>
        <source>The system keyring could not keep the key. Choose a passphrase: the key will be kept in a protected file instead.</source>
        <translation>系统密钥环未能保存私钥。请设置口令，私钥将改为保存在受口令保护的文件中。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Create identity</source>
        <translation>创建身份</translation>
    </message>
    <message>
        <source>This computer has no secure system keyring ({reason}). Your private key will be kept in a file protected by a passphrase; you will type it each time you sign.</source>
        <translation>本机没有安全的系统密钥环（{reason}）。您的私钥将保存在受口令保护的文件中，每次签名时需输入口令。</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>两次输入的口令不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Add return bundles…</source>
        <translation>添加评分回传包…</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Drop .rvret files or folders here. Each bundle is verified against the round&apos;s package; an invalid one imports nothing.</source>
        <translation>可将 .rvret 文件或文件夹拖放到此处。每个回传包都将按本轮评审包核验；无效的回传包不会导入任何内容。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>评审专家</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Signed sheets</source>
        <translation>所含评分表（份）</translation>
    </message>
    <message>
        <source>Assignments: the revision that counts per expert and applicant</source>
        <translation>评审分配：每位专家对每家申报单位计入汇总的评分表版本</translation>
    </message>
    <message>
        <source>declared conflicts: {conflicts}</source>
        <translation>声明回避 {conflicts} 家</translation>
    </message>
    <message>
        <source>{bundles} valid bundles received; {missing} sheets still missing; {rejected} files refused in this session.</source>
        <translation>已收到有效回传包 {bundles} 个；仍缺评分表 {missing} 份；本次未通过核验的文件 {rejected} 个。</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>r{n}</source>
        <translation>第{n}版</translation>
    </message>
    <message>
        <source> (supersedes r{old})</source>
        <translation>（取代第{old}版）</translation>
    </message>
    <message>
        <source>Not assigned.</source>
        <translation>未分配。</translation>
    </message>
    <message>
        <source>{expert} on {applicant}:</source>
        <translation>{expert}对{applicant}：</translation>
    </message>
    <message>
        <source>Conflict of interest declared: {reason}</source>
        <translation>已声明回避：{reason}</translation>
    </message>
    <message>
        <source>r{n} signed {when} ({file})</source>
        <translation>第{n}版，签名于 {when}（{file}）</translation>
    </message>
    <message>
        <source>, amended: {reason}</source>
        <translation>，修订原因：{reason}</translation>
    </message>
    <message>
        <source> — counts</source>
        <translation> — 计入汇总</translation>
    </message>
    <message>
        <source>No sheet received.</source>
        <translation>未收到评分表。</translation>
    </message>
</context>
<context>
    <name>ItemDetails</name>
    <message>
        <source>Scoring rule</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>Site notes</source>
        <translation>考察记录</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>What you saw on site… (Ctrl+Enter adds it)</source>
        <translation>现场看到的情况…（Ctrl+Enter 添加）</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>From camera folder…</source>
        <translation>从相机文件夹导入…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>Double-click a photo to see it large and write its caption</source>
        <translation>双击照片可放大查看并填写说明</translation>
    </message>
    <message>
        <source>Select a region to link</source>
        <translation>框选页面区域作为佐证</translation>
    </message>
    <message>
        <source>Link the page shown</source>
        <translation>将当前页作为佐证</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>移除佐证</translation>
    </message>
    <message>
        <source>Item {code} {title}</source>
        <translation>指标 {code} {title}</translation>
    </message>
    <message>
        <source>Whole visit (inspection record)</source>
        <translation>整体考察记录</translation>
    </message>
    <message>
        <source>Click into an item&apos;s score to see its rule here.</source>
        <translation>点击某一指标的得分栏，即可在此查看其评分标准。</translation>
    </message>
    <message>
        <source>Maximum {max} points, in steps of {step}. Assessed by: {method}</source>
        <translation>满分 {max} 分，评分步长 {step}。评估方式：{method}</translation>
    </message>
    <message>
        <source>Evidence usually in: {materials}</source>
        <translation>佐证材料通常见：{materials}</translation>
    </message>
    <message>
        <source>Links for item {code}. Select a region on a page, or link the page shown; click a link to go to it.</source>
        <translation>指标 {code} 的佐证。可在页面上框选区域，或将当前页作为佐证；点击佐证可跳转到对应页面。</translation>
    </message>
    <message>
        <source>{material}, page {page}</source>
        <translation>{material} 第 {page} 页</translation>
    </message>
    <message>
        <source>region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>whole page</source>
        <translation>整页</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>0 to {max}, in steps of {step}</source>
        <translation>0 至 {max} 分，步长 {step}</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Required: why under 60% of the points?</source>
        <translation>必填：得分低于 60% 的理由</translation>
    </message>
    <message>
        <source>evidence {n}</source>
        <translation>佐证 {n}</translation>
    </message>
    <message>
        <source>notes {n}</source>
        <translation>记录 {n}</translation>
    </message>
    <message>
        <source>photos {n}</source>
        <translation>照片 {n}</translation>
    </message>
</context>
<context>
    <name>KeyStatusLabel</name>
    <message>
        <source>● Key matches the package</source>
        <translation>● 密钥与评审包一致</translation>
    </message>
    <message>
        <source>This workspace&apos;s key (fingerprint {own}) is the key the bureau&apos;s package lists for {name} ({id}). Your signed sheets will be accepted.</source>
        <translation>本工作区的密钥（指纹 {own}）正是区人力资源局评审包中为 {name}（{id}）登记的密钥，您签名的评分表将被接受。</translation>
    </message>
    <message>
        <source>● Key differs from the package</source>
        <translation>● 密钥与评审包不一致</translation>
    </message>
    <message>
        <source>The package lists {name} ({id}) with the key {listed}, but this workspace&apos;s key is {own}. Sheets signed here will be refused. Call the bureau.</source>
        <translation>评审包为 {name}（{id}）登记的密钥是 {listed}，而本工作区的密钥是 {own}。在此签名的评分表将被拒收，请联系区人力资源局。</translation>
    </message>
    <message>
        <source>● Not on the package&apos;s panel</source>
        <translation>● 不在评审包的专家名单中</translation>
    </message>
    <message>
        <source>The package lists neither this workspace&apos;s key (fingerprint {own}) nor your name. Send your public identity file to the bureau.</source>
        <translation>评审包中既没有本工作区的密钥（指纹 {own}），也没有您的姓名。请将您的公开身份文件发送给区人力资源局。</translation>
    </message>
    <message>
        <source>No signing identity</source>
        <translation>尚无签名身份</translation>
    </message>
    <message>
        <source>Create your signing identity first.</source>
        <translation>请先创建签名身份。</translation>
    </message>
    <message>
        <source>No round imported</source>
        <translation>尚未导入评审轮次</translation>
    </message>
    <message>
        <source>Import the bureau&apos;s package to compare your key with it.</source>
        <translation>导入区人力资源局的评审包后，即可核对您的密钥。</translation>
    </message>
    <message>
        <source>Your private key is kept in the {store}.</source>
        <translation>您的私钥保存在{store}中。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>High-skill training base</source>
        <translation>高技能人才培训基地</translation>
    </message>
    <message>
        <source>Skill-master studio</source>
        <translation>技能大师工作室</translation>
    </message>
    <message>
        <source>Rural skill station</source>
        <translation>乡村振兴技能工作站</translation>
    </message>
    <message>
        <source>Chain-leader incubation</source>
        <translation>链主企业培育孵化</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>评分中</translation>
    </message>
    <message>
        <source>Ready to sign</source>
        <translation>待签名</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <source>Conflict (recused)</source>
        <translation>已回避</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>To be corrected</source>
        <translation>补正</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>not a required material (misnamed?)</source>
        <translation>不属于要求的材料（命名不符？）</translation>
    </message>
    <message>
        <source>unreadable PDF</source>
        <translation>PDF 无法读取</translation>
    </message>
    <message>
        <source>password-protected PDF</source>
        <translation>PDF 有密码保护</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <source>being looked into</source>
        <translation>核查中</translation>
    </message>
    <message>
        <source>upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <source>not upheld</source>
        <translation>不成立</translation>
    </message>
    <message>
        <source>page {page}: scan too coarse ({value:.0f} dpi)</source>
        <translation>第 {page} 页：扫描分辨率过低（{value:.0f} dpi）</translation>
    </message>
    <message>
        <source>page {page}: blank page</source>
        <translation>第 {page} 页：空白页</translation>
    </message>
    <message>
        <source>page {page}: scan skewed by {value:.1f}°</source>
        <translation>第 {page} 页：扫描歪斜 {value:.1f}°</translation>
    </message>
    <message>
        <source>Document review</source>
        <translation>材料审核</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>实地考察</translation>
    </message>
    <message>
        <source>Expert judgement</source>
        <translation>专家意见</translation>
    </message>
    <message>
        <source>Defence</source>
        <translation>答辩</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>评审专家</translation>
    </message>
    <message>
        <source>Panel member</source>
        <translation>评审专家</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>District bureau</source>
        <translation>区人力资源局</translation>
    </message>
    <message>
        <source>review package</source>
        <translation>评审包</translation>
    </message>
    <message>
        <source>return bundle</source>
        <translation>评分回传包</translation>
    </message>
    <message>
        <source>panel result</source>
        <translation>评审结果包</translation>
    </message>
    <message>
        <source>system keyring</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <source>passphrase-protected key file</source>
        <translation>受口令保护的密钥文件</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows 凭据管理器</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS 钥匙串</translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation>Secret Service 密钥服务</translation>
    </message>
    <message>
        <source>KWallet</source>
        <translation>KWallet 钱包</translation>
    </message>
    <message>
        <source>TEST KEYRING, NOT SECURE: trusted only because REVIEWDESK_TEST_ONLY_TRUST_KEYRING is set</source>
        <translation>测试用密钥环，不安全：仅因设置了 REVIEWDESK_TEST_ONLY_TRUST_KEYRING 而被信任（TEST KEYRING, NOT SECURE）</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Do not recommend</source>
        <translation>不推荐</translation>
    </message>
    <message>
        <source>confirm there is no conflict of interest</source>
        <translation>确认无需回避</translation>
    </message>
    <message>
        <source>score item {code} {title}</source>
        <translation>为第 {code} 项评分：{title}</translation>
    </message>
    <message>
        <source>give a reason for the low score of item {code} {title}</source>
        <translation>填写第 {code} 项低分的理由：{title}</translation>
    </message>
    <message>
        <source>give a reason for veto {code} {title}</source>
        <translation>填写否决项 {code} 的理由：{title}</translation>
    </message>
    <message>
        <source>choose a recommendation</source>
        <translation>选择是否推荐</translation>
    </message>
    <message>
        <source>choose Do not recommend, as veto {code} is ticked: {title}</source>
        <translation>已勾选否决项 {code}，请选择“不推荐”：{title}</translation>
    </message>
    <message>
        <source>Excellent (优秀)</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Good (良好)</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Pass (合格)</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail (不合格)</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open review package…</source>
        <translation>打开评审包(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export signed sheets (return bundle)…</source>
        <translation>导出已签名评分表（回传包）(&amp;E)…</translation>
    </message>
    <message>
        <source>Export my public &amp;identity…</source>
        <translation>导出我的公开身份(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>评分表(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Chair&apos;s desk (组长工作台)</source>
        <translation>组长工作台(&amp;C)</translation>
    </message>
    <message>
        <source>Export and sign the &amp;panel result…</source>
        <translation>导出并签署评审结果(&amp;P)…</translation>
    </message>
    <message>
        <source>Indexing %p%</source>
        <translation>建立索引 %p%</translation>
    </message>
    <message>
        <source>Applicant &amp;list</source>
        <translation>申报单位列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>使用说明(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About ReviewDesk</source>
        <translation>关于评审台(&amp;A)</translation>
    </message>
    <message>
        <source>About ReviewDesk</source>
        <translation>关于评审台</translation>
    </message>
    <message>
        <source>ReviewDesk 0.1
Offline expert review of Shenzhen&apos;s vocational-training carriers.
Every score is saved as it is typed and signed before it leaves this computer.</source>
        <translation>评审台 0.1
深圳市职业技能培训载体离线专家评审。
每一项评分在输入时即已保存，离开本机前均已签名。</translation>
    </message>
    <message>
        <source>ReviewDesk</source>
        <translation>评审台</translation>
    </message>
    <message>
        <source>No signing identity</source>
        <translation>尚无签名身份</translation>
    </message>
    <message>
        <source>No applicant of this round is assigned to you.</source>
        <translation>本轮没有分配给您的申报单位。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Export public identity</source>
        <translation>导出公开身份</translation>
    </message>
    <message>
        <source>Public identity (*.pub)</source>
        <translation>公开身份文件 (*.pub)</translation>
    </message>
    <message>
        <source>Saved. Give the file to the bureau and read them your fingerprint:
{fingerprint}</source>
        <translation>已保存。请将文件交给区人力资源局，并向对方核对您的指纹：
{fingerprint}</translation>
    </message>
    <message>
        <source>Open review package</source>
        <translation>打开评审包</translation>
    </message>
    <message>
        <source>Review packages (*.rvpkg)</source>
        <translation>评审包 (*.rvpkg)</translation>
    </message>
    <message>
        <source>Checking and importing {name}…</source>
        <translation>正在核验并导入 {name}…</translation>
    </message>
    <message>
        <source>Trust this bureau?</source>
        <translation>信任该区人力资源局？</translation>
    </message>
    <message>
        <source>This package is signed by {bureau}.

Fingerprint: {fingerprint}

Compare it with the fingerprint the bureau gave you (by phone or on paper). Trust this bureau from now on?</source>
        <translation>该评审包的签名人是 {bureau}。

指纹：{fingerprint}

请与区人力资源局提供的指纹（电话或书面）逐组核对。今后信任该签名人吗？</translation>
    </message>
    <message>
        <source>This package is already imported; nothing changed.</source>
        <translation>该评审包已导入过，未作任何更改。</translation>
    </message>
    <message>
        <source>Imported round {round}: {applicants} applicants.</source>
        <translation>已导入评审轮次 {round}：申报单位 {applicants} 家。</translation>
    </message>
</context>
<context>
    <name>MaterialList</name>
    <message>
        <source>not submitted</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>password-protected</source>
        <translation>有密码保护</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} 页</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>最终得分</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>载体类型</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>✓ candidate</source>
        <translation>✓ 拟认定</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>No sheet received: left out of the count</source>
        <translation>未收到评分表，不计入评分人数</translation>
    </message>
    <message>
        <source>Revision {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <source>Changed after the first signed revision: see Changed scores</source>
        <translation>首次签名后有评分变更，见“评分变更”</translation>
    </message>
    <message>
        <source>Veto: {reasons}</source>
        <translation>一票否决：{reasons}</translation>
    </message>
    <message>
        <source>Abnormally high (畸高)</source>
        <translation>畸高</translation>
    </message>
    <message>
        <source>Abnormally low (畸低)</source>
        <translation>畸低</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The unified social credit code {value} is not valid ({reason}). Check it against the business licence.</source>
        <translation>统一社会信用代码 {value} 无效（{reason}），请与营业执照核对。</translation>
    </message>
    <message>
        <source>The rubric file {file} cannot be used: item {item}: {reason}. Correct the file and try again.</source>
        <translation>评审细则文件 {file} 无法使用：{item}：{reason}。请修改文件后重试。</translation>
    </message>
    <message>
        <source>There is no working-day calendar for {year}. Add that year&apos;s holiday data to the round before counting working days.</source>
        <translation>没有 {year} 年的工作日历。请先在评审轮次中补充该年度的节假日安排，再计算工作日。</translation>
    </message>
    <message>
        <source>The working-day calendar for {year} is not valid ({detail}). Correct the calendar file.</source>
        <translation>{year} 年的工作日历无效（{detail}），请修改日历文件。</translation>
    </message>
    <message>
        <source>This file is damaged, truncated or not a ReviewDesk exchange file. Ask the sender for a new copy.</source>
        <translation>该文件已损坏、不完整，或不是评审台交换文件。请向发送方索取新的文件。</translation>
    </message>
    <message>
        <source>The file contains an unsafe member name ({member}) and was refused. Ask the sender for a file made by ReviewDesk.</source>
        <translation>文件中含有不安全的成员名称（{member}），已拒绝。请向发送方索取由评审台生成的文件。</translation>
    </message>
    <message>
        <source>The file contains a link or special entry ({member}) and was refused. Ask the sender for a file made by ReviewDesk.</source>
        <translation>文件中含有链接或特殊条目（{member}），已拒绝。请向发送方索取由评审台生成的文件。</translation>
    </message>
    <message>
        <source>The file contains the member {member} twice and was refused. Ask the sender for a new copy.</source>
        <translation>文件中成员 {member} 出现了两次，已拒绝。请向发送方索取新的文件。</translation>
    </message>
    <message>
        <source>The file is larger than ReviewDesk accepts ({member}). Ask the sender to split it.</source>
        <translation>文件超出评审台可接受的大小（{member}），请发送方拆分后再发。</translation>
    </message>
    <message>
        <source>The member {member} expands implausibly (a possible zip bomb) and was refused.</source>
        <translation>成员 {member} 解压后体积异常（可能是压缩炸弹），已拒绝。</translation>
    </message>
    <message>
        <source>The file has overlapping entries ({member}), a sign of a zip bomb, and was refused.</source>
        <translation>文件中有相互重叠的条目（{member}），属压缩炸弹特征，已拒绝。</translation>
    </message>
    <message>
        <source>The member {member} is encrypted or compressed in a way ReviewDesk does not accept.</source>
        <translation>成员 {member} 经过加密或使用了评审台不支持的压缩方式。</translation>
    </message>
    <message>
        <source>The member {member} is missing from the file. Ask the sender for a complete copy.</source>
        <translation>文件中缺少成员 {member}。请向发送方索取完整的文件。</translation>
    </message>
    <message>
        <source>The file contains {member}, which its signed list does not name: it was altered after signing.</source>
        <translation>文件中含有签名清单未列出的 {member}：文件在签名后被改动过。</translation>
    </message>
    <message>
        <source>The member {member} does not match its signed hash: the file was altered or damaged. Ask the sender for a new copy.</source>
        <translation>成员 {member} 与签名时的哈希值不符：文件已被改动或损坏。请向发送方索取新的文件。</translation>
    </message>
    <message>
        <source>The file&apos;s manifest is not valid ({detail}). Ask the sender for a file made by ReviewDesk.</source>
        <translation>文件清单无效（{detail}）。请向发送方索取由评审台生成的文件。</translation>
    </message>
    <message>
        <source>This is a {found} file, but a {expected} file is needed here.</source>
        <translation>这是{found}文件，此处需要的是{expected}文件。</translation>
    </message>
    <message>
        <source>The signature does not match the file&apos;s contents: it was altered or damaged. Do not use it; ask the sender for a new copy.</source>
        <translation>签名与文件内容不符：文件已被改动或损坏。请勿使用，并向发送方索取新的文件。</translation>
    </message>
    <message>
        <source>The file is signed by a key that is not trusted here (fingerprint {fingerprint}). Check with the sender.</source>
        <translation>文件的签名密钥在此不受信任（指纹 {fingerprint}），请与发送方核实。</translation>
    </message>
    <message>
        <source>This package is signed by {bureau}, fingerprint {fingerprint}. Compare the fingerprint with the one the bureau gave you, then confirm it (command line: --trust-bureau &quot;{fingerprint}&quot;).</source>
        <translation>该评审包由 {bureau} 签名，指纹 {fingerprint}。请与区人力资源局提供的指纹核对无误后再确认（命令行：--trust-bureau &quot;{fingerprint}&quot;）。</translation>
    </message>
    <message>
        <source>This package is signed by a different bureau key ({fingerprint}) than the one trusted here ({trusted}). Do not import it; call the bureau.</source>
        <translation>该评审包的签名密钥（{fingerprint}）与此前信任的区人力资源局密钥（{trusted}）不同。请勿导入，并致电区人力资源局核实。</translation>
    </message>
    <message>
        <source>The member {member} is not valid ({detail}). Ask the sender for a corrected file.</source>
        <translation>成员 {member} 无效（{detail}）。请向发送方索取更正后的文件。</translation>
    </message>
    <message>
        <source>Applicant {applicant} appears twice (same {field}). Ask the bureau for a corrected package.</source>
        <translation>申报单位 {applicant} 重复出现（{field} 相同）。请向区人力资源局索取更正后的评审包。</translation>
    </message>
    <message>
        <source>The PDF “{material}” of applicant {applicant} cannot be read. Ask the bureau for a corrected package.</source>
        <translation>申报单位 {applicant} 的材料“{material}”无法读取。请向区人力资源局索取更正后的评审包。</translation>
    </message>
    <message>
        <source>The PDF “{material}” of applicant {applicant} is password-protected but not marked so. Ask the bureau for a corrected package.</source>
        <translation>申报单位 {applicant} 的材料“{material}”有密码保护，但评审包未作标注。请向区人力资源局索取更正后的评审包。</translation>
    </message>
    <message>
        <source>The member {member} cannot be unpacked: its compressed data is damaged or cut short. Ask the sender for a new copy.</source>
        <translation>成员 {member} 无法解压：其压缩数据已损坏或不完整。请向发送方索取新的文件。</translation>
    </message>
    <message>
        <source>The file is signed with a kind of key ReviewDesk does not accept (only Ed25519). Do not use it; ask the sender for a file made by ReviewDesk.</source>
        <translation>该文件所用的签名密钥类型不被本软件接受（仅接受 Ed25519）。请勿使用该文件，并向发送方索取由评审台生成的文件。</translation>
    </message>
    <message>
        <source>The member {member} was refused: {reason} ({detail}). Ask the sender for a file made by ReviewDesk.</source>
        <translation>成员 {member} 已被拒收：{reason}（{detail}）。请向发送方索取由评审台生成的文件。</translation>
    </message>
    <message>
        <source>{file} in the package folder is not valid ({detail}). Correct it and build again.</source>
        <translation>评审包源文件夹中的 {file} 无效（{detail}）。请修改后重新制作。</translation>
    </message>
    <message>
        <source>{file} is missing from the package folder. Add it and build again.</source>
        <translation>评审包源文件夹中缺少 {file}。请补充后重新制作。</translation>
    </message>
    <message>
        <source>{file}, row {row}, column {column}: {reason}. Correct the table and try again.</source>
        <translation>{file} 第 {row} 行“{column}”列：{reason}。请修改表格后重试。</translation>
    </message>
    <message>
        <source>No round is set up on this desk yet. Set up the round first (year, district, deadlines), then continue.</source>
        <translation>本工作台尚未设置评审轮次。请先设置评审轮次（年度、辖区、时间节点），再继续操作。</translation>
    </message>
    <message>
        <source>The package cannot be built yet: {missing} missing. Add them on the desk and build again.</source>
        <translation>暂不能生成评审包：缺少{missing}。请在工作台补充后重新生成。</translation>
    </message>
    <message>
        <source>There is no working-day calendar for {year}, so the publicity window cannot be counted. Load the State Council&apos;s holiday notice for {year} (JSON or XLSX) with “Load a holiday list…”, then save the round again.</source>
        <translation>尚无{year}年工作日历，无法计算公示期。请通过“导入节假日安排…”导入国务院办公厅{year}年节假日安排（JSON或XLSX文件）后，重新保存评审轮次。</translation>
    </message>
    <message>
        <source>{file} cannot be used as a holiday list: {where}{reason}. Nothing was loaded; correct the file and load it again.</source>
        <translation>{file}不能作为节假日安排导入：{where}{reason}。未导入任何内容，请更正文件后重新导入。</translation>
    </message>
    <message>
        <source>The aggregation policy cannot take {value} for {field}. Nothing was changed; choose a value the panel&apos;s rules allow.</source>
        <translation>汇总规则中{field}不能设为{value}。未作任何更改，请选择评审规则允许的值。</translation>
    </message>
    <message>
        <source>“{url}” is not an intake address. Write it as https://host:port, as “reviewdesk intake serve” prints it; nothing was changed.</source>
        <translation>“{url}”不是有效的受理服务地址。请按“reviewdesk intake serve”显示的格式填写，如 https://主机:端口；未作任何更改。</translation>
    </message>
    <message>
        <source>The intake&apos;s receipt key is missing. Choose the file “reviewdesk intake key -o FILE.pub” wrote on the intake&apos;s computer, then save again.</source>
        <translation>缺少受理服务的回执公钥。请选择在受理服务所在计算机上用“reviewdesk intake key -o FILE.pub”生成的文件，然后重新保存。</translation>
    </message>
    <message>
        <source>{file} is not a PEM certificate (a text file beginning with -----BEGIN CERTIFICATE-----, as given to “intake serve --tls-cert”). Nothing was changed; choose the certificate file.</source>
        <translation>{file}不是PEM格式证书（应为以 -----BEGIN CERTIFICATE----- 开头的文本文件，即“intake serve --tls-cert”所用文件）。未作任何更改，请选择证书文件。</translation>
    </message>
    <message>
        <source>A pinned certificate needs an https:// address, but the intake is at {url}. Write the https:// address, or remove the pin; nothing was changed.</source>
        <translation>绑定证书须使用 https:// 地址，而受理服务地址为{url}。请填写 https:// 地址，或取消证书绑定；未作任何更改。</translation>
    </message>
    <message>
        <source>{name} would then review no applicant. Leave at least one applicant ticked, or remove the expert from the panel.</source>
        <translation>取消后，{name}将没有评审对象。请至少保留一个申报单位，或将该专家移出评审组。</translation>
    </message>
    <message>
        <source>There is no applicant {applicant_id} on this desk. Import the applicant list first or check the number.</source>
        <translation>工作台中没有编号为 {applicant_id} 的申报单位。请先导入申报单位名单，或核对编号。</translation>
    </message>
    <message>
        <source>&quot;{material}&quot; is not one of the required materials of applicant {applicant_id}, or is chosen twice. Choose each material once from the list.</source>
        <translation>“{material}”不是申报单位 {applicant_id} 的规定申报材料，或被重复选择。请从列表中为每项材料各选择一次。</translation>
    </message>
    <message>
        <source>The binder {file} ({pages} pages) has no bookmarks to split it by. Mark the page range of each material instead, or ask the applicant for a binder with a table of contents.</source>
        <translation>合订文件 {file}（共{pages}页）没有书签，无法按书签拆分。请逐项标注各材料的页码范围，或请申报单位提供编制目录的合订文件。</translation>
    </message>
    <message>
        <source>The page ranges marked in {file} do not fit: {material} pages {first}–{last}, the binder has {pages} pages and ranges must not overlap. Correct the ranges.</source>
        <translation>{file} 中标注的页码范围有误：{material} 第{first}–{last}页；该文件共{pages}页，且各范围不得重叠。请更正页码范围。</translation>
    </message>
    <message>
        <source>Pages {first}–{last} of {file} overlap pages {other_first}–{other_last}, already marked as {other}. Remove that mark or choose other pages.</source>
        <translation>{file} 第 {first}–{last} 页与已指定为“{other}”的第 {other_first}–{other_last} 页重叠，请先删除该范围或另选页码。</translation>
    </message>
    <message>
        <source>No pages are marked for {material} in {file}. Select its first and last page on the thumbnails, then assign them.</source>
        <translation>{file} 中尚未为“{material}”选定页码，请在缩略图中选中其首页和末页后再指定。</translation>
    </message>
    <message>
        <source>{applicant_id} is not on the published candidate list, so there is nothing to object to. Choose a candidate from the list.</source>
        <translation>{applicant_id} 不在公示的拟认定候选名单中，无需登记异议，请从名单中选择候选单位。</translation>
    </message>
    <message>
        <source>The objection was received on {received}, outside the publicity window {start} to {end}; only objections received within it are recorded.</source>
        <translation>该异议收到日期为 {received}，不在公示期 {start} 至 {end} 内，只登记公示期内收到的异议。</translation>
    </message>
    <message>
        <source>The objection about {applicant_id} names nobody: enter the unit or the person (real name and contact) who raised it.</source>
        <translation>涉及 {applicant_id} 的异议未填写异议人，请填写反映单位名称，或个人真实姓名及联系方式。</translation>
    </message>
    <message>
        <source>Objection {number} needs a finding, upheld or not upheld, and the reason found; enter both.</source>
        <translation>第 {number} 号异议须登记核查结论（成立或不成立）及理由，请一并填写。</translation>
    </message>
    <message>
        <source>There is no objection number {number} on this desk. Check the number in the list of objections.</source>
        <translation>本工作台没有第 {number} 号异议，请在异议列表中核对编号。</translation>
    </message>
    <message>
        <source>{count} objection(s) are not settled yet (first: number {number}, about {name}); decide each one before the final list is written.</source>
        <translation>尚有 {count} 件异议未办结（首件为第 {number} 号，涉及{name}），请逐件登记核查结论后再生成最终名单。</translation>
    </message>
    <message>
        <source>The publicity runs until {end}; the final list can be dated {date} only after it has closed. Choose a later date.</source>
        <translation>公示期至 {end} 止，公示期满后方可生成最终名单，落款日期 {date} 不符，请选择更晚的日期。</translation>
    </message>
    <message>
        <source>This identity (fingerprint {fingerprint}) is already enrolled as {name} ({expert_id}). Nothing was changed.</source>
        <translation>该身份（指纹 {fingerprint}）已登记为 {name}（{expert_id}），未作任何更改。</translation>
    </message>
    <message>
        <source>The rubric workbook {file} cannot be imported; correct these cells and import again:</source>
        <translation>评审细则表格 {file} 未能导入，请更正以下单元格后重新导入：</translation>
    </message>
    <message>
        <source>The workspace folder {path} cannot be used ({detail}). Choose another folder with --home.</source>
        <translation>工作区文件夹 {path} 无法使用（{detail}）。请用 --home 指定其他文件夹。</translation>
    </message>
    <message>
        <source>This workspace has no signing identity yet. Create one first (reviewdesk keys init).</source>
        <translation>本工作区尚无签名身份。请先创建（reviewdesk keys init）。</translation>
    </message>
    <message>
        <source>This workspace already has a signing identity; it was left unchanged. Use another --home for a new one.</source>
        <translation>本工作区已有签名身份，未作更改。如需新身份，请使用另一个 --home。</translation>
    </message>
    <message>
        <source>No secure system keyring is available here ({backend}). Keep the key in a passphrase-protected file instead (--key-file).</source>
        <translation>本机没有安全的系统密钥环（{backend}）。请改用受口令保护的密钥文件（--key-file）。</translation>
    </message>
    <message>
        <source>The private key of this workspace cannot be found in the {where}. Without it nothing can be signed; restore it or create a new identity in a new workspace.</source>
        <translation>在{where}中找不到本工作区的私钥。没有私钥无法签名：请恢复私钥，或在新的工作区中创建新身份。</translation>
    </message>
    <message>
        <source>The passphrase is wrong. Try again.</source>
        <translation>口令错误，请重试。</translation>
    </message>
    <message>
        <source>A passphrase is needed for the key file. Type it when asked, or set REVIEWDESK_PASSPHRASE for scripts.</source>
        <translation>密钥文件需要口令。请在提示时输入；脚本可设置 REVIEWDESK_PASSPHRASE。</translation>
    </message>
    <message>
        <source>The identity file {file} is not valid ({detail}). Ask its owner to export it again (reviewdesk keys export).</source>
        <translation>身份文件 {file} 无效（{detail}）。请其本人重新导出（reviewdesk keys export）。</translation>
    </message>
    <message>
        <source>This package does not list your identity (fingerprint {fingerprint}). Send your public identity file to the bureau and ask for a package that includes you.</source>
        <translation>该评审包中没有您的身份（指纹 {fingerprint}）。请将公开身份文件发给区人力资源局，并索取包含您的评审包。</translation>
    </message>
    <message>
        <source>No review round is imported in this workspace yet. Import the bureau&apos;s package first (File → Open).</source>
        <translation>本工作区尚未导入评审轮次。请先导入区人力资源局的评审包（文件 → 打开）。</translation>
    </message>
    <message>
        <source>This file belongs to round {offered}, but this workspace holds round {current}. Use a separate workspace (--home) for another round.</source>
        <translation>该文件属于评审轮次 {offered}，而本工作区是评审轮次 {current}。其他轮次请使用单独的工作区（--home）。</translation>
    </message>
    <message>
        <source>This package is already imported; nothing changed.</source>
        <translation>该评审包已导入过，未作任何更改。</translation>
    </message>
    <message>
        <source>This workspace already holds a different package of round {round}. Ask the bureau which package is current.</source>
        <translation>本工作区已有评审轮次 {round} 的另一个评审包。请向区人力资源局确认以哪个为准。</translation>
    </message>
    <message>
        <source>This workspace is busy: another ReviewDesk window or command kept it locked for too long, and nothing was changed. Wait until it has finished, then try again.</source>
        <translation>本工作区正被另一个评审台窗口或命令长时间占用，本次操作未作任何更改。请待其完成后重试。</translation>
    </message>
    <message>
        <source>The package&apos;s OCR results in {member} do not match its dossiers ({reason}: {detail}); the package is refused and nothing was changed. Ask the bureau to build the package again.</source>
        <translation>评审包中 {member} 的文字识别结果与申报材料不符（{reason}：{detail}），该评审包已被拒绝，未作任何更改。请联系区人力资源局重新生成评审包。</translation>
    </message>
    <message>
        <source>The OCR engine does not start on this computer, so no package was built with OCR. Build it without --ocr, or reinstall ReviewDesk.</source>
        <translation>本机无法启动文字识别引擎，未生成含识别结果的评审包。请去掉 --ocr 参数重新生成，或重新安装评审台。</translation>
    </message>
    <message>
        <source>The search index is already being brought up to date by another ReviewDesk window or command, so nothing was started. Wait for it to finish, or run reviewdesk index --wait to wait for it.</source>
        <translation>另一个评审台窗口或命令正在更新检索索引，本次未启动任何操作。请等待其完成，或运行 reviewdesk index --wait 等待其完成。</translation>
    </message>
    <message>
        <source>The system keyring that holds your private key cannot be used ({backend}). Unlock it or sign in to your desktop session, then try again.</source>
        <translation>保存您私钥的系统密钥环当前无法使用（{backend}）。请解锁密钥环或登录桌面会话后重试。</translation>
    </message>
    <message>
        <source>The key file {path} has settings ReviewDesk never writes ({detail}), so it was not opened: it may have been altered. Restore it from your backup.</source>
        <translation>密钥文件 {path} 含有本软件不会写入的参数（{detail}），可能已被篡改，未予打开。请从备份中恢复该文件。</translation>
    </message>
    <message>
        <source>The passphrase must have at least {minimum} characters. Choose a longer one.</source>
        <translation>口令至少需要 {minimum} 个字符，请设置更长的口令。</translation>
    </message>
    <message>
        <source>The key given does not open the encrypted workspace {path}; nothing was changed. Open it with its own key, or choose another folder with --home.</source>
        <translation>所提供的密钥无法打开加密工作区 {path}，未作任何更改。请使用该工作区本身的密钥打开，或用 --home 指定其他文件夹。</translation>
    </message>
    <message>
        <source>The key that encrypts the workspace {path} cannot be found in the {where}, so the workspace cannot be opened; nothing was changed. Restore the keyring or the workspace&apos;s keys folder from your backup.</source>
        <translation>在{where}中找不到加密工作区 {path} 的密钥，无法打开该工作区，未作任何更改。请从备份恢复系统密钥环或该工作区的 keys 文件夹。</translation>
    </message>
    <message>
        <source>The database of the workspace {path} is damaged or is not a ReviewDesk database; nothing was changed. Restore the workspace from a backup, or choose another folder with --home.</source>
        <translation>工作区 {path} 的数据库已损坏或不是评审台数据库，未作任何更改。请从备份恢复该工作区，或用 --home 指定其他文件夹。</translation>
    </message>
    <message>
        <source>The workspace {path} was written by a newer version of ReviewDesk (database version {version}); nothing was changed. Open it with that version, or choose another folder with --home.</source>
        <translation>工作区 {path} 由更新版本的评审台写入（数据库版本 {version}），未作任何更改。请使用该版本打开，或用 --home 指定其他文件夹。</translation>
    </message>
    <message>
        <source>The disk holding the workspace {path} is full; nothing was changed. Free some space and try again.</source>
        <translation>工作区 {path} 所在磁盘已满，未作任何更改。请清理出部分空间后重试。</translation>
    </message>
    <message>
        <source>The disk holding the workspace {path} reported a read or write error; nothing was changed. Check the disk (or the network drive), then try again.</source>
        <translation>工作区 {path} 所在磁盘报告读写错误，未作任何更改。请检查磁盘（或网络驱动器）后重试。</translation>
    </message>
    <message>
        <source>The workspace {path} cannot be written (a read-only disk or folder, or no permission); nothing was changed. Copy it to a writable folder and use --home.</source>
        <translation>工作区 {path} 无法写入（磁盘或文件夹为只读，或没有权限），未作任何更改。请将其复制到可写入的文件夹，并用 --home 指定。</translation>
    </message>
    <message>
        <source>The encrypted file {path} of the workspace was altered, cut short or does not belong to this workspace, so it was not used; nothing was changed. Restore the workspace from a backup, or import the round again.</source>
        <translation>工作区中的加密文件 {path} 已被改动、不完整或不属于本工作区，未予使用；未作任何更改。请从备份恢复工作区，或重新导入本轮评审。</translation>
    </message>
    <message>
        <source>The file {path} of the workspace is encrypted and the workspace is locked; nothing was changed. Start ReviewDesk again and unlock the workspace with your passphrase.</source>
        <translation>工作区中的文件 {path} 已加密，而工作区尚未解锁；未作任何更改。请重新启动评审台，并用您的口令解锁工作区。</translation>
    </message>
    <message>
        <source>The kept copy of a return {file} does not match its recorded hash, so it was neither encrypted nor used: it was moved, unchanged and not encrypted, to {moved}. Check with the bureau that this return arrived, then delete that file.</source>
        <translation>保存的回传件副本 {file} 与其记录的哈希值不符，因此未加密也未使用：已原样（未加密）移至 {moved}。请向主管部门确认该回传件已收到，然后删除该文件。</translation>
    </message>
    <message>
        <source>The argument {argument} is not valid text (it contains bytes that are not UTF-8); nothing was changed. Type it again, or set the terminal or script to UTF-8.</source>
        <translation>参数 {argument} 不是有效的文本（含有非 UTF-8 编码的字节），未作任何更改。请重新输入，或将终端、脚本的编码设为 UTF-8。</translation>
    </message>
    <message>
        <source>The output was closed before everything was printed (for example by head); the rest was not shown.</source>
        <translation>输出在全部打印完之前已被关闭（例如被 head 截断），其余内容未显示。</translation>
    </message>
    <message>
        <source>ReviewDesk ran into an unexpected error ({detail}); what was saved before it is kept. Please report it with the command you ran.</source>
        <translation>评审台遇到意外错误（{detail}），此前已保存的内容不受影响。请连同所执行的命令一并报告此问题。</translation>
    </message>
    <message>
        <source>Applicant {applicant} is not assigned to you in this round.</source>
        <translation>本轮评审未将申报单位 {applicant} 分配给您。</translation>
    </message>
    <message>
        <source>{value} is not a valid score for item {item}: {reason}.</source>
        <translation>{value} 不是指标 {item} 的有效分数：{reason}。</translation>
    </message>
    <message>
        <source>“{value}” is not a recommendation. Choose recommend or do not recommend.</source>
        <translation>“{value}”不是有效的推荐意见。请选择“推荐”或“不推荐”。</translation>
    </message>
    <message>
        <source>Before scoring {applicant}, confirm that you have no conflict of interest with it, or declare one.</source>
        <translation>对 {applicant} 评分前，请先确认是否需要回避。</translation>
    </message>
    <message>
        <source>You declared a conflict of interest with {applicant}; you cannot score it.</source>
        <translation>您已声明对 {applicant} 回避，不能为其评分。</translation>
    </message>
    <message>
        <source>A reason is required. Write it and try again.</source>
        <translation>必须填写理由，请填写后重试。</translation>
    </message>
    <message>
        <source>Revision {revision} of the sheet for {applicant} is signed and cannot change. To change it, amend the sheet with a reason.</source>
        <translation>{applicant} 的评分表第 {revision} 版已签名，不能再修改。如需更改，请说明理由后修订评分表。</translation>
    </message>
    <message>
        <source>The sheet for {applicant} has no signed revision to amend; keep editing the draft.</source>
        <translation>{applicant} 的评分表还没有已签名的版本，无需修订，请继续编辑草稿。</translation>
    </message>
    <message>
        <source>The sheet for {applicant} has no signed revision yet, so there is no signed PDF. Sign the sheet first.</source>
        <translation>{applicant} 的评分表尚无已签署的版本，因此没有签署后的 PDF。请先签署评分表。</translation>
    </message>
    <message>
        <source>{what} {id} was not found; it may have been removed. Refresh and try again.</source>
        <translation>找不到 {what} {id}，可能已被删除。请刷新后重试。</translation>
    </message>
    <message>
        <source>{file} is not a photo ReviewDesk can read (JPEG, PNG, TIFF, WebP or BMP).</source>
        <translation>{file} 不是评审台可读取的照片（支持 JPEG、PNG、TIFF、WebP、BMP）。</translation>
    </message>
    <message>
        <source>The form {file} was not imported; nothing changed. Correct these cells and import it again:</source>
        <translation>评分表 {file} 未导入，未作任何更改。请更正下列单元格后重新导入：</translation>
    </message>
    <message>
        <source>This form was exported from version {form_version} of the sheet, which has changed since (now {current_version}). Importing it would overwrite those changes; confirm to overwrite (--overwrite).</source>
        <translation>该表导出自评分表第 {form_version} 版，之后评分表已有改动（现为 {current_version}）。导入将覆盖这些改动；如确需覆盖，请确认（--overwrite）。</translation>
    </message>
    <message>
        <source>The sheet for {applicant} cannot be signed yet: {checklist}.</source>
        <translation>{applicant} 的评分表尚不能签名：{checklist}。</translation>
    </message>
    <message>
        <source>The sheet for {applicant} changed while you were signing. Check it and sign again.</source>
        <translation>签名期间 {applicant} 的评分表发生了变化，请核对后重新签名。</translation>
    </message>
    <message>
        <source>{applicant} cannot be recommended while veto {veto} is ticked: a veto rules the applicant out. Choose “Do not recommend”, or untick the veto if it does not apply.</source>
        <translation>已勾选一票否决项 {veto}，{applicant} 不能评为“推荐”。请选择“不推荐”；如该否决项不适用，请先取消勾选。</translation>
    </message>
    <message>
        <source>There is nothing to export yet: no signed sheet and no declared conflict. Sign a sheet first.</source>
        <translation>暂无可导出的内容：没有已签名的评分表，也没有回避声明。请先签名评分表。</translation>
    </message>
    <message>
        <source>The return bundle is refused: the sheet for {applicant}, revision {revision}: {reason}. Ask the expert for a new export.</source>
        <translation>回传包被拒收：{applicant} 的评分表第 {revision} 版{reason}。请专家重新导出。</translation>
    </message>
    <message>
        <source>The bureau&apos;s intake refused the bundle: {reason}. Nothing is marked delivered; correct the cause and send again, or ask the bureau.</source>
        <translation>区局受理服务拒收了该回传包：{reason}。未标记为已送达；请排除原因后重新发送，或与区局联系。</translation>
    </message>
    <message>
        <source>The bureau&apos;s intake at {url} cannot be reached now ({detail}). Everything signed stays queued and is sent when the connection is back.</source>
        <translation>目前无法连接区局受理服务 {url}（{detail}）。所有已签名内容仍在待发送队列中，网络恢复后将自动发送。</translation>
    </message>
    <message>
        <source>The intake at {url} gave an answer ReviewDesk does not understand ({detail}). Nothing is marked delivered; check the address with the bureau.</source>
        <translation>受理服务 {url} 的应答无法识别（{detail}）。未标记为已送达；请与区局核对地址。</translation>
    </message>
    <message>
        <source>The receipt is not the bureau&apos;s intake&apos;s own for this file ({detail}). Nothing is marked delivered; tell the bureau.</source>
        <translation>该回执不是区局受理服务针对此文件出具的回执（{detail}）。未标记为已送达；请告知区局。</translation>
    </message>
    <message>
        <source>The bureau&apos;s intake has no disk space left; nothing it accepted is lost and the bundle is sent again later. Tell the bureau.</source>
        <translation>区局受理服务磁盘空间已满；已受理的内容不会丢失，回传包将稍后重新发送。请告知区局。</translation>
    </message>
    <message>
        <source>The intake&apos;s database {url} cannot be used ({detail}). Check the --db address and that the database server is running.</source>
        <translation>无法使用受理服务数据库 {url}（{detail}）。请检查 --db 地址以及数据库服务是否已启动。</translation>
    </message>
    <message>
        <source>Round {round} is already open on this intake with another package. One round takes one package: give a changed package a new round id.</source>
        <translation>评审批次 {round} 已在本受理服务以另一评审包开放。每个批次只对应一个评审包：修改后的评审包请使用新的批次编号。</translation>
    </message>
    <message>
        <source>The intake at {url} lets only the round&apos;s chair and bureau read; this identity ({fingerprint}) is neither.</source>
        <translation>受理服务 {url} 仅允许该批次的评审组长和区局读取；当前身份（{fingerprint}）均不是。</translation>
    </message>
    <message>
        <source>Unencrypted HTTP is served only on 127.0.0.1, not on {host}: give both --tls-cert and --tls-key, or --unsafe-plain-http behind a TLS proxy on this machine.</source>
        <translation>未加密的 HTTP 仅可在 127.0.0.1 上提供，不能在 {host} 上提供：请同时指定 --tls-cert 和 --tls-key；仅在本机有 TLS 代理时方可使用 --unsafe-plain-http。</translation>
    </message>
    <message>
        <source>The intake service is not running on this workspace, so its address is unknown. Start it with “reviewdesk intake serve”, or give the address with --url.</source>
        <translation>本工作目录的受理服务未运行，无法确定其地址。请使用“reviewdesk intake serve”启动，或通过 --url 指定地址。</translation>
    </message>
    <message>
        <source>The intake cannot listen on {url} ({detail}). Choose another --port or stop the program using it.</source>
        <translation>受理服务无法在 {url} 上监听（{detail}）。请另选 --port，或停止占用该端口的程序。</translation>
    </message>
    <message>
        <source>There is no round {round} on this intake; “reviewdesk intake status” lists the rounds.</source>
        <translation>本受理服务没有评审批次 {round}；可使用“reviewdesk intake status”查看全部批次。</translation>
    </message>
    <message>
        <source>The server at {url} is not the bureau&apos;s intake: its certificate ({actual}) is not the one the round&apos;s package names ({expected}). Nothing was sent; check the address and your network, or ask the bureau.</source>
        <translation>{url} 处的服务器不是区人社局的受理服务：其证书（{actual}）与本轮评审包指定的证书（{expected}）不符。未发送任何内容，请核对地址和网络，或与区人社局联系。</translation>
    </message>
    <message>
        <source>This round&apos;s package names no intake service with its receipt key, so signed sheets cannot be sent by themselves. Export a return bundle and hand it over, or ask the bureau for a package that names its intake.</source>
        <translation>本轮次评审包未指定受理服务及其回执密钥，已签名的评分表无法自动报送。请导出评分回传包后当面移交，或向区人力资源局索取指定受理服务的评审包。</translation>
    </message>
    <message>
        <source>{count} signed items are not delivered yet ({detail}). They stay in the outbox and are sent again automatically.</source>
        <translation>尚有 {count} 项已签名内容未报送（{detail}）。这些内容保留在待报送列表中，系统将自动重新报送。</translation>
    </message>
    <message>
        <source>Round {round} cannot be closed before its report deadline {deadline} has passed; nothing was removed. The chair may still ask for an amendment until then.</source>
        <translation>评审轮次 {round} 须在报送截止日期 {deadline} 过后方可结束；未删除任何内容。在此之前，评审组长仍可能要求修改评分。</translation>
    </message>
    <message>
        <source>The file of {material} is no longer in this workspace: the dossiers were removed when the round was closed. Your signed sheets are kept.</source>
        <translation>“{material}”的文件已不在本工作区：本轮评审结束时申报材料已被删除。您已签名的评分表仍予保留。</translation>
    </message>
    <message>
        <source>“{material}” is password-protected. Type the password the applicant gave to open it; it is not saved.</source>
        <translation>“{material}”有密码保护。请输入申报单位提供的密码以打开；密码不会被保存。</translation>
    </message>
    <message>
        <source>The password for “{material}” is wrong; nothing was opened. Check it with the applicant or the bureau and try again.</source>
        <translation>“{material}”的密码不正确，未打开任何内容。请向申报单位或区人力资源局核实后重试。</translation>
    </message>
    <message>
        <source>“{material}” has no pages, so there is nothing to show. Ask the bureau whether the file is complete.</source>
        <translation>“{material}”没有任何页面，无内容可显示。请向区人力资源局确认文件是否完整。</translation>
    </message>
    <message>
        <source>“{material}” is damaged; the pages that could be read are shown. Ask the bureau for a new copy if something is missing.</source>
        <translation>“{material}”已损坏，现显示能读取的页面。如有缺失，请向区人力资源局索取新的副本。</translation>
    </message>
    <message>
        <source>Page {page} of “{material}” cannot be shown: it is damaged or too large to draw. The other pages are not affected.</source>
        <translation>“{material}”第 {page} 页无法显示：该页已损坏或过大，无法绘制。其他页面不受影响。</translation>
    </message>
    <message>
        <source>“{material}” was not submitted by the applicant, so there is nothing to show.</source>
        <translation>申报单位未提交“{material}”，无内容可显示。</translation>
    </message>
    <message>
        <source>This workspace&apos;s identity ({name}) is not the chair of the imported round. Open the chair&apos;s workspace (--home) to compile the panel&apos;s result.</source>
        <translation>本工作区的身份（{name}）不是已导入评审轮次的组长。请打开组长的工作区（--home）汇总评审结果。</translation>
    </message>
    <message>
        <source>The note is empty. Write what the panel discussed and try again.</source>
        <translation>纪要内容为空。请填写评审组的讨论情况后重试。</translation>
    </message>
    <message>
        <source>The reconsideration request for {applicant} was not recorded ({detail}): name at least one expert assigned to it and items of its rubric.</source>
        <translation>未记录对 {applicant} 的复核请求（{detail}）：请至少选择一位分配评审该单位的专家，以及其评审细则中的评分项。</translation>
    </message>
    <message>
        <source>“{given}” is not a permitted reason for changing a score. Choose an adding-up error, a score outside the item&apos;s range, a disagreement on an objective item, or an abnormally high or low score.</source>
        <translation>“{given}”不是允许的评分变更理由。请选择：计分错误、评分超出该项分值范围、客观评分项认定不一致或评分畸高畸低。</translation>
    </message>
    <message>
        <source>The result cannot be signed: expert {expert} changed item {item} of {applicant} from {old} to {new} without a permitted reason. Give the reason in the chair&apos;s desk (changed scores), then compile again.</source>
        <translation>评审结果不能签署：专家 {expert} 将 {applicant} 第 {item} 项评分由 {old} 改为 {new}，未注明允许的变更理由。请在组长工作台（评分变更）中注明理由后重新汇总。</translation>
    </message>
    <message>
        <source>The result cannot be signed: no applicant has a score yet. Import the experts&apos; return bundles first.</source>
        <translation>评审结果不能签署：尚无任何申报单位的评分。请先导入专家的评分回传包。</translation>
    </message>
    <message>
        <source>The result was not signed: score sheets have not arrived (expert/applicant: {sheets}; {missing} in all), so those scores rest on fewer experts than the panel. Import the missing return bundles, or sign without them on purpose (command line: --allow-incomplete).</source>
        <translation>评审结果未签署：尚有评分表未收到（专家/申报单位：{sheets}，共 {missing} 份），相关得分所依据的专家人数少于评审组人数。请导入缺少的评分回传包；确需在缺少评分表的情况下签署的，请明确确认（命令行：--allow-incomplete）。</translation>
    </message>
    <message>
        <source>The panel result does not agree with this package ({detail}). Do not use it; ask the chair for a new result.</source>
        <translation>该评审结果与本评审包不一致（{detail}）。请勿使用，并向组长索取新的评审结果。</translation>
    </message>
    <message>
        <source>The folder {path} holds other files ({files}), and the panel result replaces a folder as a whole. Choose a new or empty folder, or the folder of an earlier panel result.</source>
        <translation>文件夹 {path} 中存有其他文件（{files}），而评审结果须整体替换该文件夹。请选择一个新的或空的文件夹，或此前存放评审结果的文件夹。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，未作任何更改。</translation>
    </message>
    <message>
        <source>The file {path} cannot be read. Check the path and your permissions.</source>
        <translation>无法读取文件 {path}。请检查路径和权限。</translation>
    </message>
    <message>
        <source>The file {path} cannot be written ({detail}). Check free space and permissions.</source>
        <translation>无法写入文件 {path}（{detail}）。请检查磁盘空间和权限。</translation>
    </message>
    <message>
        <source>Cannot save {field}: {reason}. Correct it and try again.</source>
        <translation>无法保存{field}：{reason}。请修改后重试。</translation>
    </message>
    <message>
        <source>they are not in ReviewDesk&apos;s format</source>
        <translation>其格式不符合评审台的规定</translation>
    </message>
    <message>
        <source>they belong to no dossier file of the package</source>
        <translation>其对应的文件不在本评审包的申报材料中</translation>
    </message>
    <message>
        <source>they name a page the file does not have</source>
        <translation>其所指页码超出该文件的页数</translation>
    </message>
    <message>
        <source>the file is neither UTF-8 nor GBK text (save it as CSV UTF-8)</source>
        <translation>文件既不是 UTF-8 编码也不是 GBK 编码（请另存为“CSV UTF-8”）</translation>
    </message>
    <message>
        <source>this row of the rubric&apos;s fields is missing (export a new workbook to see them all)</source>
        <translation>缺少细则信息的该行（可重新导出表格查看全部字段）</translation>
    </message>
    <message>
        <source>an item must follow the section (一级指标) it belongs to</source>
        <translation>二级指标须列在所属一级指标之后</translation>
    </message>
    <message>
        <source>a bonus cap is given but there are no bonus items</source>
        <translation>填写了加分上限，但没有加分项</translation>
    </message>
    <message>
        <source>this field is not part of a holiday list</source>
        <translation>节假日安排中不应有此字段</translation>
    </message>
    <message>
        <source>this field is missing</source>
        <translation>缺少此字段</translation>
    </message>
    <message>
        <source>not a date (write it as 2027-01-01)</source>
        <translation>不是有效日期（请按2027-01-01格式填写）</translation>
    </message>
    <message>
        <source>the list names no holidays</source>
        <translation>未列出任何节假日</translation>
    </message>
    <message>
        <source>the holiday ends before it begins</source>
        <translation>放假结束日期早于开始日期</translation>
    </message>
    <message>
        <source>this date is in another year than the list&apos;s other dates</source>
        <translation>该日期与表中其他日期不在同一年度</translation>
    </message>
    <message>
        <source>the file is damaged or not a ReviewDesk return bundle</source>
        <translation>文件已损坏或不是评审台回传包</translation>
    </message>
    <message>
        <source>its signature is not valid</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <source>it is larger than the intake accepts</source>
        <translation>文件超出受理服务的受理上限</translation>
    </message>
    <message>
        <source>the intake has no such round (ask the bureau to open it)</source>
        <translation>受理服务没有该评审批次（请联系区局开放）</translation>
    </message>
    <message>
        <source>its signer is not an expert of the round&apos;s package</source>
        <translation>签名人不是该批次评审包中的专家</translation>
    </message>
    <message>
        <source>the intake already holds that revision with different contents</source>
        <translation>受理服务已收到该版本，但内容不一致</translation>
    </message>
    <message>
        <source>a score sheet in it does not pass the bureau&apos;s checks (“reviewdesk verify” says which)</source>
        <translation>其中有评分表未通过区局校验（可用“reviewdesk verify”查看原因）</translation>
    </message>
    <message>
        <source>the bytes received do not match the file sent</source>
        <translation>收到的内容与发送的文件不一致</translation>
    </message>
    <message>
        <source>the method</source>
        <translation>汇总方法</translation>
    </message>
    <message>
        <source>the level</source>
        <translation>汇总层级</translation>
    </message>
    <message>
        <source>the number of experts needed to trim</source>
        <translation>去掉最高分和最低分所需的专家人数</translation>
    </message>
    <message>
        <source>the decimals</source>
        <translation>保留小数位数</translation>
    </message>
    <message>
        <source>the veto rule</source>
        <translation>一票否决规则</translation>
    </message>
    <message>
        <source>the minimum score</source>
        <translation>最低推荐分</translation>
    </message>
    <message>
        <source>the abnormal-score threshold</source>
        <translation>畸高畸低判定比例</translation>
    </message>
    <message>
        <source>abnormal scores per item</source>
        <translation>逐项判定畸高畸低</translation>
    </message>
    <message>
        <source>the per-item point minimum</source>
        <translation>单项畸高畸低的最小分差</translation>
    </message>
    <message>
        <source>the tie rule</source>
        <translation>同分排序规则</translation>
    </message>
    <message>
        <source>the section that breaks ties</source>
        <translation>同分时比较的一级指标</translation>
    </message>
    <message>
        <source>row {row}: </source>
        <translation>第{row}行：</translation>
    </message>
    <message>
        <source>{where}: </source>
        <translation>{where}：</translation>
    </message>
    <message>
        <source>… and {n} more bad cells.</source>
        <translation>……另有 {n} 个单元格有误。</translation>
    </message>
    <message>
        <source>it must have 18 characters</source>
        <translation>应为 18 位</translation>
    </message>
    <message>
        <source>{file} is a public identity with the role {role}, not the intake&apos;s receipt key. Choose the file “reviewdesk intake key -o FILE.pub” wrote; nothing was changed.</source>
        <translation>{file}是角色为“{role}”的公开身份文件，不是受理服务的回执公钥。请选择“reviewdesk intake key -o FILE.pub”生成的文件；未作任何更改。</translation>
    </message>
    <message>
        <source>Round {round} cannot be closed yet: {count} of your sheets are not signed and delivered or exported ({applicants}); nothing was removed. Deliver them (sync) or export a return bundle, then close the round.</source>
        <translation>评审轮次 {round} 暂不能结束：您有 {count} 份评分表尚未签名并报送或导出（{applicants}）；未删除任何内容。请先报送（同步）或导出回传包，再结束本轮评审。</translation>
    </message>
    <message>
        <source>it contains a character not used in such codes</source>
        <translation>含有信用代码不使用的字符</translation>
    </message>
    <message>
        <source>the check character is wrong</source>
        <translation>校验码错误</translation>
    </message>
    <message>
        <source>the file is not valid JSON</source>
        <translation>文件不是有效的 JSON</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>文件无法读取</translation>
    </message>
    <message>
        <source>a field is missing or has the wrong kind of value</source>
        <translation>缺少字段或字段值类型不对</translation>
    </message>
    <message>
        <source>the code is used twice</source>
        <translation>编号重复</translation>
    </message>
    <message>
        <source>the scoring step must be greater than zero</source>
        <translation>评分步长必须大于零</translation>
    </message>
    <message>
        <source>the maximum points must be greater than zero</source>
        <translation>满分必须大于零</translation>
    </message>
    <message>
        <source>the maximum points are not a whole number of steps</source>
        <translation>满分不是评分步长的整数倍</translation>
    </message>
    <message>
        <source>a ratio must lie between 0 and 1</source>
        <translation>比例必须在 0 到 1 之间</translation>
    </message>
    <message>
        <source>the items do not add up to the declared total points</source>
        <translation>各指标分值之和与总分不符</translation>
    </message>
    <message>
        <source>the file is not a readable XLSX workbook</source>
        <translation>文件不是可读取的 XLSX 工作簿</translation>
    </message>
    <message>
        <source>the value has the wrong format</source>
        <translation>格式不正确</translation>
    </message>
    <message>
        <source>the value is empty</source>
        <translation>内容为空</translation>
    </message>
    <message>
        <source>the column is missing</source>
        <translation>缺少该列</translation>
    </message>
    <message>
        <source>the credit code must have 18 characters</source>
        <translation>信用代码应为 18 位</translation>
    </message>
    <message>
        <source>the credit code contains a character not used in such codes</source>
        <translation>信用代码含有不使用的字符</translation>
    </message>
    <message>
        <source>the credit code&apos;s check character is wrong</source>
        <translation>信用代码校验码错误</translation>
    </message>
    <message>
        <source>the value appears twice</source>
        <translation>内容重复</translation>
    </message>
    <message>
        <source>the value is not one of the known ones</source>
        <translation>不是可识别的取值</translation>
    </message>
    <message>
        <source>the named file does not exist</source>
        <translation>所指文件不存在</translation>
    </message>
    <message>
        <source>there is no such item in the rubric</source>
        <translation>评审细则中没有该指标</translation>
    </message>
    <message>
        <source>the score is outside the item&apos;s range</source>
        <translation>分数超出该指标的分值范围</translation>
    </message>
    <message>
        <source>the score is not a multiple of the item&apos;s step</source>
        <translation>分数不是该指标评分步长的整数倍</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>a score under 60% of the item&apos;s points needs a comment</source>
        <translation>得分低于该项分值 60% 时必须填写评语</translation>
    </message>
    <message>
        <source>not one of the allowed answers</source>
        <translation>不是允许的选项</translation>
    </message>
    <message>
        <source>a veto needs a reason</source>
        <translation>一票否决须填写理由</translation>
    </message>
    <message>
        <source>the form&apos;s version row (#) is missing or changed; export a new form</source>
        <translation>评分表的版本行（#）缺失或被改动，请重新导出评分表</translation>
    </message>
    <message>
        <source>this form belongs to another applicant</source>
        <translation>该表属于另一家申报单位</translation>
    </message>
    <message>
        <source>its own signature is not the expert&apos;s</source>
        <translation>的签名不是该专家的签名</translation>
    </message>
    <message>
        <source>it is not a valid score sheet</source>
        <translation>不是有效的评分表</translation>
    </message>
    <message>
        <source>it is not in the canonical form that was signed</source>
        <translation>不是签名时的规范格式</translation>
    </message>
    <message>
        <source>it belongs to another round or package</source>
        <translation>属于其他评审轮次或评审包</translation>
    </message>
    <message>
        <source>it names another expert than the signer</source>
        <translation>所列专家与签名人不符</translation>
    </message>
    <message>
        <source>the package does not assign this applicant to the expert</source>
        <translation>评审包未将该申报单位分配给这位专家</translation>
    </message>
    <message>
        <source>its applicant differs from the package&apos;s</source>
        <translation>所列申报单位与评审包不一致</translation>
    </message>
    <message>
        <source>the expert declared a conflict of interest with this applicant</source>
        <translation>该专家已声明对此申报单位回避</translation>
    </message>
    <message>
        <source>it was scored on another rubric version</source>
        <translation>依据的是其他版本的评审细则</translation>
    </message>
    <message>
        <source>its revision number or amendment reason is inconsistent</source>
        <translation>的版本号或修订原因不一致</translation>
    </message>
    <message>
        <source>its items are not the rubric&apos;s</source>
        <translation>的评审项目与评审细则不符</translation>
    </message>
    <message>
        <source>an item has no score</source>
        <translation>有项目未评分</translation>
    </message>
    <message>
        <source>its vetoes are not the rubric&apos;s</source>
        <translation>的否决事项与评审细则不符</translation>
    </message>
    <message>
        <source>its totals do not add up (bonus cap included)</source>
        <translation>的合计分数不符（含加分上限）</translation>
    </message>
    <message>
        <source>it cites a material or page the dossier does not have</source>
        <translation>引用了申报材料中不存在的材料或页码</translation>
    </message>
    <message>
        <source>its PDF was not drawn from this sheet</source>
        <translation>的 PDF 不是由该评分数据生成的</translation>
    </message>
    <message>
        <source>return.json does not list it as it is</source>
        <translation>与 return.json 中的登记不符</translation>
    </message>
    <message>
        <source>its revisions are not numbered 1, 2, 3… in signing order</source>
        <translation>的各版本未按签名顺序编号为 1、2、3…</translation>
    </message>
    <message>
        <source>an older revision is marked as the current one</source>
        <translation>旧版本被标为当前版本</translation>
    </message>
    <message>
        <source>it names the same field twice, so what was signed is ambiguous</source>
        <translation>同一字段出现两次，所签内容含义不明确</translation>
    </message>
    <message>
        <source>it is nested deeper than any ReviewDesk file</source>
        <translation>嵌套层级超出评审台文件的正常范围</translation>
    </message>
    <message>
        <source>it holds a number JSON does not allow (NaN or Infinity)</source>
        <translation>含有 JSON 不允许的数值（NaN 或 Infinity）</translation>
    </message>
    <message>
        <source>it contains an invisible control character (often pasted from another program)</source>
        <translation>其中含有不可见的控制字符（通常是从其他程序粘贴带入的）</translation>
    </message>
    <message>
        <source>it is longer than the app accepts</source>
        <translation>长度超出本软件允许的范围</translation>
    </message>
    <message>
        <source>it is not text</source>
        <translation>内容不是文字</translation>
    </message>
    <message>
        <source>the line cannot be read as CSV (check the quotation marks)</source>
        <translation>该行无法按 CSV 格式读取（请检查引号是否成对）</translation>
    </message>
    <message>
        <source>the file is far larger than any table or form; choose the right file</source>
        <translation>文件远大于任何表格或评分表，请确认选择的文件是否正确</translation>
    </message>
    <message>
        <source>the column appears twice in the header</source>
        <translation>表头中该列出现了两次</translation>
    </message>
    <message>
        <source>the cell is merged into its neighbour, so its value would be lost; unmerge the cells and type the value into each</source>
        <translation>该单元格与相邻单元格合并，其内容会丢失；请取消合并，并在各单元格中分别填写</translation>
    </message>
    <message>
        <source>the cell holds a formula with no saved result; type the value instead, or open and save the file in Excel or WPS</source>
        <translation>该单元格是公式且没有保存计算结果；请直接填写数值，或用 Excel、WPS 打开后重新保存</translation>
    </message>
    <message>
        <source>this row does not read this column; move the value to the column the row reads (see the 填写说明 column)</source>
        <translation>本行不读取该列；请将内容移到本行读取的列（见“填写说明”列）</translation>
    </message>
    <message>
        <source>the row has a score or comment but no item code</source>
        <translation>该行填写了得分或评语，但没有指标编号</translation>
    </message>
    <message>
        <source>a ticked veto (是) rules out 推荐; write 不推荐, or answer 否 on the veto&apos;s row</source>
        <translation>已有一票否决项填“是”，不能填“推荐”；请填“不推荐”，或在该否决项所在行填“否”</translation>
    </message>
    <message>
        <source>the comment on item {item}</source>
        <translation>第 {item} 项的评语</translation>
    </message>
    <message>
        <source>the overall opinion</source>
        <translation>综合评审意见</translation>
    </message>
    <message>
        <source>the reason for veto {item}</source>
        <translation>否决项 {item} 的理由</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>考察记录</translation>
    </message>
    <message>
        <source>the photo caption</source>
        <translation>照片说明</translation>
    </message>
    <message>
        <source>the reason for the conflict of interest</source>
        <translation>回避理由</translation>
    </message>
    <message>
        <source>the reason for amending the sheet</source>
        <translation>修改评分表的理由</translation>
    </message>
    <message>
        <source>system keyring</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <source>key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <source>The operation was refused ({code}).</source>
        <translation>操作被拒绝（{code}）。</translation>
    </message>
    <message>
        <source>({char} at character {position})</source>
        <translation>（第 {position} 个字符为 {char}）</translation>
    </message>
    <message>
        <source>({length} characters; at most {limit})</source>
        <translation>（共 {length} 字，最多 {limit} 字）</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {reason}</source>
        <translation>第 {row} 行“{column}”列：{reason}</translation>
    </message>
</context>
<context>
    <name>NotesSearch</name>
    <message>
        <source>note</source>
        <translation>考察记录</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>overall opinion</source>
        <translation>综合意见</translation>
    </message>
</context>
<context>
    <name>NotesSearchDialog</name>
    <message>
        <source>Find in my notes</source>
        <translation>查找我的记录</translation>
    </message>
    <message>
        <source>Words in site notes, photo captions, comments or opinions</source>
        <translation>在考察记录、照片说明、评语或综合意见中查找</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>找到 {n} 条</translation>
    </message>
</context>
<context>
    <name>OutlineTree</name>
    <message>
        <source>Page {label}</source>
        <translation>第 {label} 页</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>Caption: what the photo shows (e.g. 实训车间二楼，数控机床 6 台)</source>
        <translation>照片说明：拍摄内容（例如：实训车间二楼，数控机床 6 台）</translation>
    </message>
    <message>
        <source>Taken {when}</source>
        <translation>拍摄于 {when}</translation>
    </message>
</context>
<context>
    <name>PublishStep</name>
    <message>
        <source>Verify the result and write the publicity notice and report letter</source>
        <translation>核验评审结果并生成公示通知和报送函</translation>
    </message>
    <message>
        <source>Chair&apos;s result (.rvres)</source>
        <translation>组长签署的评审结果（.rvres）</translation>
    </message>
    <message>
        <source>Package (.rvpkg)</source>
        <translation>评审包（.rvpkg）</translation>
    </message>
    <message>
        <source>Folder for the documents</source>
        <translation>文书输出文件夹</translation>
    </message>
    <message>
        <source>Objections during the publicity (公示) and the final list</source>
        <translation>公示期间异议登记与最终名单</translation>
    </message>
    <message>
        <source>Load the candidate list</source>
        <translation>读取公示候选名单</translation>
    </message>
    <message>
        <source>Unit, or real name and phone</source>
        <translation>反映单位，或个人真实姓名及电话</translation>
    </message>
    <message>
        <source>What the objection says</source>
        <translation>异议主要内容</translation>
    </message>
    <message>
        <source>Record the objection</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <source>received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>异议人</translation>
    </message>
    <message>
        <source>About</source>
        <translation>涉及单位</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>核查结论</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>What the bureau found (required)</source>
        <translation>核查情况及理由（必填）</translation>
    </message>
    <message>
        <source>Upheld (成立)</source>
        <translation>异议成立</translation>
    </message>
    <message>
        <source>Not upheld (不成立)</source>
        <translation>异议不成立</translation>
    </message>
    <message>
        <source>Write the final list</source>
        <translation>生成最终名单</translation>
    </message>
    <message>
        <source>Finding on the selected objection:</source>
        <translation>所选异议的核查结论：</translation>
    </message>
    <message>
        <source>Publicity {start} to {end}.</source>
        <translation>公示期 {start} 至 {end}。</translation>
    </message>
    <message>
        <source>Select an objection first.</source>
        <translation>请先选择一件异议。</translation>
    </message>
    <message>
        <source>Writing the final list…</source>
        <translation>正在生成最终名单…</translation>
    </message>
    <message>
        <source>Final list written to {path}: {count} candidates, {removed} removed by upheld objections. The report letter now lists them: {letter}.</source>
        <translation>最终名单已生成：{path}；候选单位 {count} 个，因异议成立取消 {removed} 个。报送函已按最终名单更新：{letter}。</translation>
    </message>
    <message>
        <source>Verifying the result and writing the publicity notice and report letter…</source>
        <translation>正在核验评审结果并生成公示通知和报送函…</translation>
    </message>
    <message>
        <source>too late</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>in time</source>
        <translation>按期</translation>
    </message>
    <message>
        <source>Written: {publicity} and {letter}. {count} candidates; the letter of {sent} reaches the city bureau {state} (deadline {deadline}).</source>
        <translation>已生成：{publicity} 和 {letter}。候选单位 {count} 个；{sent} 的报送函{state}送达市人力资源和社会保障局（期限 {deadline}）。</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <source>Publicity starts</source>
        <translation>公示开始日期</translation>
    </message>
    <message>
        <source>Publicity period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Ties</source>
        <translation>名次并列</translation>
    </message>
    <message>
        <source>{type}: quota {quota}, {n} candidates</source>
        <translation>{type}：名额 {quota} 个，拟认定 {n} 家</translation>
    </message>
    <message>
        <source>{start} to {end}, {n} working days; the list can be sent on {report_by} (deadline {deadline}).</source>
        <translation>{start} 至 {end}，共 {n} 个工作日；名单可于 {report_by} 报送（截止日期 {deadline}）。</translation>
    </message>
    <message>
        <source>Too late: after the publicity period the list reaches the bureau after the deadline {deadline}. Choose an earlier start.</source>
        <translation>时间不足：公示期结束后报送名单将晚于截止日期 {deadline}。请选择更早的公示开始日期。</translation>
    </message>
    <message>
        <source>In time for the report deadline.</source>
        <translation>可在报送截止日期前完成。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>最终得分</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>✓ candidate</source>
        <translation>✓ 拟认定</translation>
    </message>
</context>
<context>
    <name>ReconsiderDialog</name>
    <message>
        <source>Ask to reconsider</source>
        <translation>请专家复核</translation>
    </message>
    <message>
        <source>What the panel noticed (optional)</source>
        <translation>评审组发现的情况（可选）</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>Experts and items</source>
        <translation>专家及评分项</translation>
    </message>
    <message>
        <source>Permitted reason</source>
        <translation>变更理由</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Record the request</source>
        <translation>记录复核请求</translation>
    </message>
</context>
<context>
    <name>ResultExport</name>
    <message>
        <source>Export and sign the panel result</source>
        <translation>导出并签署评审结果</translation>
    </message>
    <message>
        <source>The result is signed with your key as the chair. Type the passphrase of your key file:</source>
        <translation>评审结果将以组长身份用您的密钥签名。请输入密钥文件的口令：</translation>
    </message>
    <message>
        <source>Writing and signing the panel result…</source>
        <translation>正在生成并签署评审结果…</translation>
    </message>
    <message>
        <source>{expert} ({expert_id}) for {applicant} ({applicant_id})</source>
        <translation>{expert}（{expert_id}）对{applicant}（{applicant_id}）的评分表</translation>
    </message>
    <message>
        <source>These score sheets have not arrived:
{sheets}

Those scores rest on fewer experts than the panel (and may not be trimmed). Sign the result without them? The result records that you did.</source>
        <translation>以下评分表尚未收到：
{sheets}

相关得分所依据的专家人数少于评审组人数（可能无法去掉最高分和最低分）。是否在缺少上述评分表的情况下签署评审结果？评审结果将记载您的这一确认。</translation>
    </message>
    <message>
        <source>Sign without them</source>
        <translation>确认签署</translation>
    </message>
    <message>
        <source>The panel result is signed and saved in {folder}:
{files}
{candidates} candidates.</source>
        <translation>评审结果已签署并保存在 {folder}：
{files}
拟认定候选 {candidates} 家。</translation>
    </message>
    <message>
        <source>Warning: the publicity period ends too late for the report deadline.</source>
        <translation>警告：公示期结束过晚，无法在报送截止日期前报送。</translation>
    </message>
</context>
<context>
    <name>ReturnExport</name>
    <message>
        <source>Export return bundle</source>
        <translation>导出回传包</translation>
    </message>
    <message>
        <source>Return bundles (*.rvret)</source>
        <translation>回传包 (*.rvret)</translation>
    </message>
    <message>
        <source>The bundle is signed with your key. Type the passphrase of your key file:</source>
        <translation>回传包将用您的密钥签名。请输入密钥文件的口令：</translation>
    </message>
    <message>
        <source>Writing the return bundle…</source>
        <translation>正在写入回传包…</translation>
    </message>
    <message>
        <source>The return bundle is saved as {path}.
Applicants: {applicants}; signed revisions: {revisions}; declared conflicts: {conflicts}; photos: {photos}.</source>
        <translation>回传包已保存为 {path}。
{applicants} 家申报单位的 {revisions} 个已签名版本，{conflicts} 项回避声明，{photos} 张照片。</translation>
    </message>
    <message>
        <source>Not in the bundle because not signed yet: {applicants}.</source>
        <translation>以下申报单位尚未签名，未放入回传包：{applicants}。</translation>
    </message>
</context>
<context>
    <name>RoundStep</name>
    <message>
        <source>Trimmed mean (drop the highest and the lowest)</source>
        <translation>去掉一个最高分和一个最低分后平均</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>算术平均</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Item by item, then added up</source>
        <translation>逐项汇总后求和</translation>
    </message>
    <message>
        <source>The experts&apos; totals</source>
        <translation>按各专家总分汇总</translation>
    </message>
    <message>
        <source>One expert&apos;s veto excludes</source>
        <translation>任一专家认定即否决</translation>
    </message>
    <message>
        <source>A majority of the experts must veto</source>
        <translation>过半数专家认定方否决</translation>
    </message>
    <message>
        <source>Equal scores share the rank</source>
        <translation>同分者名次并列</translation>
    </message>
    <message>
        <source>A section&apos;s points first, then shared</source>
        <translation>先比较一级指标得分，仍相同者并列</translation>
    </message>
    <message>
        <source>The round</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>How scores are combined</source>
        <translation>汇总规则</translation>
    </message>
    <message>
        <source>Calendar and intake</source>
        <translation>工作日历与受理服务</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Round id</source>
        <translation>轮次编号</translation>
    </message>
    <message>
        <source>District</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Bureau</source>
        <translation>区人力资源局</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Call reference</source>
        <translation>通知文号</translation>
    </message>
    <message>
        <source>Review done by</source>
        <translation>评审完成日期</translation>
    </message>
    <message>
        <source>Report to the city by</source>
        <translation>报送市局截止日期</translation>
    </message>
    <message>
        <source>Publicity (working days)</source>
        <translation>公示期（工作日）</translation>
    </message>
    <message>
        <source>Time to correct (working days)</source>
        <translation>补正期限（工作日）</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>认定名额</translation>
    </message>
    <message>
        <source>Address for objections</source>
        <translation>受理异议地址</translation>
    </message>
    <message>
        <source>Phone for objections</source>
        <translation>受理异议电话</translation>
    </message>
    <message>
        <source>Save the round</source>
        <translation>保存评审轮次</translation>
    </message>
    <message>
        <source> experts or more</source>
        <translation> 名及以上专家时</translation>
    </message>
    <message>
        <source>also per item</source>
        <translation>同时逐项判定</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>不少于 </translation>
    </message>
    <message>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>汇总方法</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>汇总层级</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>保留小数</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Minimum score</source>
        <translation>最低推荐分</translation>
    </message>
    <message>
        <source>Abnormal scores (畸高畸低)</source>
        <translation>畸高畸低</translation>
    </message>
    <message>
        <source>Ties</source>
        <translation>同分排序</translation>
    </message>
    <message>
        <source>Each choice is saved as it is made; the sentence under it is how the panel will read it.</source>
        <translation>每项选择即时保存；其下方的说明即评审组看到的表述。</translation>
    </message>
    <message>
        <source>Aggregation policy saved.</source>
        <translation>汇总规则已保存。</translation>
    </message>
    <message>
        <source>Save the round first; then each choice is saved as it is made.</source>
        <translation>请先保存评审轮次，之后每项选择即时保存。</translation>
    </message>
    <message>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Load a holiday list (JSON or XLSX)…</source>
        <translation>导入节假日安排（JSON或XLSX）…</translation>
    </message>
    <message>
        <source>The State Council publishes next year&apos;s holidays each autumn. Load its list here (JSON as the app ships it, or XLSX with the columns 名称, 开始, 结束; a row 调休上班 for a worked weekend day); it goes into the package.</source>
        <translation>国务院办公厅每年秋季公布次年节假日安排。请在此导入（JSON格式同软件自带文件，或XLSX文件，列为名称、开始、结束；周末调休上班日单列一行，名称填“调休上班”），导入后随评审包下发。</translation>
    </message>
    <message>
        <source>Intake service (the experts&apos; sheets come back here)</source>
        <translation>受理服务（专家评分表回传至此）</translation>
    </message>
    <message>
        <source>Receipt key (.pub)…</source>
        <translation>回执公钥（.pub）…</translation>
    </message>
    <message>
        <source>Pin the TLS certificate (PEM)…</source>
        <translation>绑定TLS证书（PEM）…</translation>
    </message>
    <message>
        <source>Remove the pin</source>
        <translation>取消证书绑定</translation>
    </message>
    <message>
        <source>Save the intake</source>
        <translation>保存受理服务</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Holiday list</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>Holiday lists (*.json *.xlsx)</source>
        <translation>节假日安排（*.json *.xlsx）</translation>
    </message>
    <message>
        <source>Holidays of {year} loaded from {file}.</source>
        <translation>已从{file}导入{year}年节假日安排。</translation>
    </message>
    <message>
        <source>loaded from {file}</source>
        <translation>导入自{file}</translation>
    </message>
    <message>
        <source>shipped with the app</source>
        <translation>随软件提供</translation>
    </message>
    <message>
        <source>Intake&apos;s receipt key</source>
        <translation>受理服务回执公钥</translation>
    </message>
    <message>
        <source>Public identity (*.pub)</source>
        <translation>公开身份文件（*.pub）</translation>
    </message>
    <message>
        <source>Intake&apos;s TLS certificate</source>
        <translation>受理服务TLS证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>证书（*.pem *.crt *.cer）</translation>
    </message>
    <message>
        <source>Intake saved.</source>
        <translation>受理服务已保存。</translation>
    </message>
    <message>
        <source>Intake removed.</source>
        <translation>已取消受理服务。</translation>
    </message>
    <message>
        <source>No intake: the experts hand their return bundles over as files.</source>
        <translation>未设置受理服务：专家以文件方式提交回传包。</translation>
    </message>
    <message>
        <source>Save the round first.</source>
        <translation>请先保存评审轮次。</translation>
    </message>
    <message>
        <source>certificate pinned, SHA-256 {pin}</source>
        <translation>已绑定证书，SHA-256 {pin}</translation>
    </message>
    <message>
        <source>no pin: the system must trust the intake&apos;s certificate</source>
        <translation>未绑定证书：须由系统信任受理服务的证书</translation>
    </message>
    <message>
        <source>The package sends the experts&apos; sheets to {url}; receipt key {fingerprint}; {pin}.</source>
        <translation>评审包将专家评分表回传至{url}；回执公钥指纹{fingerprint}；{pin}。</translation>
    </message>
    <message>
        <source>Not saved yet: fill in the round and save it.</source>
        <translation>尚未保存：请填写评审轮次信息后保存。</translation>
    </message>
    <message>
        <source>Publicity {start} – {end} ({days} working days); the list can be sent on {sent}, the deadline is {deadline}: {state}.</source>
        <translation>公示期 {start}至{end}（{days}个工作日）；候选名单可于{sent}报送，截止日期{deadline}：{state}。</translation>
    </message>
    <message>
        <source>too late, move the review deadline earlier</source>
        <translation>已逾期，请提前评审完成日期</translation>
    </message>
    <message>
        <source>in time</source>
        <translation>按期</translation>
    </message>
    <message>
        <source>Round saved.</source>
        <translation>评审轮次已保存。</translation>
    </message>
</context>
<context>
    <name>RubricPanel</name>
    <message>
        <source>Bonus items (capped at {cap})</source>
        <translation>加分项（上限 {cap} 分）</translation>
    </message>
    <message>
        <source>Veto items (一票否决)</source>
        <translation>一票否决项</translation>
    </message>
    <message>
        <source>Overall opinion and recommendation</source>
        <translation>综合意见与推荐意见</translation>
    </message>
    <message>
        <source>The panel member&apos;s overall opinion (综合评审意见)</source>
        <translation>评审专家的综合评审意见</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Do not recommend</source>
        <translation>不推荐</translation>
    </message>
    <message>
        <source>Subtotal {score} / {max}</source>
        <translation>小计 {score} / {max}</translation>
    </message>
    <message>
        <source>Bonus {score} (cap {cap})</source>
        <translation>加分 {score}（上限 {cap}）</translation>
    </message>
    <message>
        <source>— {raw} given, capped</source>
        <translation>— 实评 {raw} 分，按上限计</translation>
    </message>
    <message>
        <source>Total {total}</source>
        <translation>总分 {total}</translation>
    </message>
    <message>
        <source>VETOED</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>{scored} of {count} items scored</source>
        <translation>已评 {scored}/{count} 项</translation>
    </message>
</context>
<context>
    <name>RubricStep</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>step</source>
        <translation>计分步长</translation>
    </message>
    <message>
        <source>how it is judged</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <source>scoring rule</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>Export to XLSX…</source>
        <translation>导出为 XLSX…</translation>
    </message>
    <message>
        <source>Import the edited XLSX…</source>
        <translation>导入修改后的 XLSX…</translation>
    </message>
    <message>
        <source>Print the changes for the panel (PDF)…</source>
        <translation>打印调整说明（PDF，印发评审组）…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>调整事项</translation>
    </message>
    <message>
        <source>City&apos;s template</source>
        <translation>市评审细则</translation>
    </message>
    <message>
        <source>This district</source>
        <translation>本区调整后</translation>
    </message>
    <message>
        <source>Changes from the city&apos;s template (printed for the panel):</source>
        <translation>与市级模板相比的调整（供评审组查阅）：</translation>
    </message>
    <message>
        <source>Rubric workbook</source>
        <translation>评审细则表格</translation>
    </message>
    <message>
        <source>Rubric changes for the panel</source>
        <translation>评审细则调整说明</translation>
    </message>
    <message>
        <source>Writing the rubric changes for the panel…</source>
        <translation>正在生成评审细则调整说明…</translation>
    </message>
    <message>
        <source>The rubric changes for the panel are in {path}.</source>
        <translation>评审细则调整说明已保存至{path}。</translation>
    </message>
    <message>
        <source>{title}, version {version}</source>
        <translation>{title}，版本 {version}</translation>
    </message>
    <message>
        <source>Adjusted by the district: {types}.</source>
        <translation>本区已调整：{types}。</translation>
    </message>
    <message>
        <source>Every carrier type uses the city&apos;s template as published.</source>
        <translation>各类载体均沿用市评审细则。</translation>
    </message>
    <message>
        <source>No change: the city&apos;s template as published.</source>
        <translation>未作调整：采用市级发布的模板。</translation>
    </message>
</context>
<context>
    <name>ScanStatus</name>
    <message>
        <source>Scans paused %v/%m</source>
        <translation>扫描页识别已暂停 %v/%m</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Go on reading the scanned pages</source>
        <translation>继续识别扫描页</translation>
    </message>
    <message>
        <source>Reading scans %v/%m</source>
        <translation>正在识别扫描页 %v/%m</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause reading the scanned pages (what is read stays searchable)</source>
        <translation>暂停识别扫描页（已识别的内容仍可检索）</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search the text…</source>
        <translation>搜索文字…</translation>
    </message>
    <message>
        <source>All materials</source>
        <translation>全部材料</translation>
    </message>
    <message>
        <source>This material</source>
        <translation>本材料</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>搜索范围</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>The text index is still being built ({percent}%): some hits may be missing.</source>
        <translation>文字索引仍在建立（{percent}%），部分结果可能尚未列出。</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign the score sheet</source>
        <translation>签名评分表</translation>
    </message>
    <message>
        <source>Signing freezes this revision of your score sheet and writes its PDF. After signing it cannot change; a correction opens a new revision with a reason.</source>
        <translation>签名将冻结评分表的本版本并生成 PDF 评分表。签名后不能再修改；如需更正，须说明原因并开启新的版本。</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>Carrier type</source>
        <translation>载体类型</translation>
    </message>
    <message>
        <source>{total} points</source>
        <translation>{total} 分</translation>
    </message>
    <message>
        <source> (bonus {bonus} included)</source>
        <translation>（含加分 {bonus} 分）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>A veto item is triggered.</source>
        <translation>已触发一票否决事项。</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>评审建议</translation>
    </message>
    <message>
        <source>Revision {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <source> (amended: {reason})</source>
        <translation>（修订原因：{reason}）</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Your key&apos;s fingerprint</source>
        <translation>您的密钥指纹</translation>
    </message>
    <message>
        <source>The passphrase of your key file</source>
        <translation>密钥文件的口令</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>You declared a conflict of interest with this applicant; there is nothing to sign.</source>
        <translation>您已声明对该申报单位回避，无需签名。</translation>
    </message>
    <message>
        <source>This revision is already signed.</source>
        <translation>本版本已签名。</translation>
    </message>
    <message>
        <source>Not ready to sign: {checklist}.</source>
        <translation>尚不能签名：{checklist}。</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>正在签名…</translation>
    </message>
    <message>
        <source>Signed revision {n}. Signature hash: {hash}
It is printed on every page of the PDF score sheet, which the app keeps with the sheet: open it to read or print it, or save a copy (also later, from the Sheet menu). Export the return bundle when your sheets are signed.</source>
        <translation>第 {n} 版已签署。签名摘要：{hash}
该摘要印在 PDF 评分表的每一页上。评分表 PDF 由本软件随评分表一并保存：可打开阅读或打印，也可另存一份（之后也可在“评分表”菜单中操作）。全部评分表签署后，请导出回传包。</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>另存 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SignedExport</name>
    <message>
        <source>The file is signed with your key. Type the passphrase of your key file:</source>
        <translation>该文件将使用您的密钥签名。请输入密钥文件的口令：</translation>
    </message>
    <message>
        <source>Writing and signing…</source>
        <translation>正在写入并签名……</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>queued for the bureau</source>
        <translation>待报送</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <source>delivered to the bureau</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>refused by the bureau&apos;s intake</source>
        <translation>受理服务拒收</translation>
    </message>
    <message>
        <source>replaced by a newer signed result; not sent</source>
        <translation>已由新签署的评审结果替代，不再报送</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>Page {label} ({number} of {count})</source>
        <translation>第 {label} 页（{number}/{count}）</translation>
    </message>
</context>
<context>
    <name>UprightOffer</name>
    <message>
        <source>Turn upright</source>
        <translation>转正显示</translation>
    </message>
    <message>
        <source>This scanned page is shown upside down.</source>
        <translation>本扫描页当前为倒置显示。</translation>
    </message>
    <message>
        <source>This scanned page is shown sideways.</source>
        <translation>本扫描页当前为横向显示。</translation>
    </message>
</context>
<context>
    <name>VetoRow</name>
    <message>
        <source>Reason (required when the veto applies)</source>
        <translation>否决理由（勾选后必填）</translation>
    </message>
</context>
<context>
    <name>ViewerToolbar</name>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>侧栏</translation>
    </message>
    <message>
        <source>Show or hide the materials and thumbnails</source>
        <translation>显示或隐藏材料列表和缩略图</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <source>Go to page: type the printed page label or the page number</source>
        <translation>跳转：输入页面上印的页码，或第几页</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+− or Ctrl+wheel)</source>
        <translation>缩小（Ctrl+− 或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+= or Ctrl+wheel)</source>
        <translation>放大（Ctrl+= 或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Continuous</source>
        <translation>连续滚动</translation>
    </message>
    <message>
        <source>Scroll through all pages, or show one page at a time</source>
        <translation>连续滚动浏览全部页面，或一次只显示一页</translation>
    </message>
    <message>
        <source>Turn page clockwise</source>
        <translation>本页顺时针旋转</translation>
    </message>
    <message>
        <source>Turn page anticlockwise</source>
        <translation>本页逆时针旋转</translation>
    </message>
    <message>
        <source>Turn whole material clockwise</source>
        <translation>整份材料顺时针旋转</translation>
    </message>
    <message>
        <source>Turn whole material anticlockwise</source>
        <translation>整份材料逆时针旋转</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Turn the page or the whole material for reading (the file is not changed)</source>
        <translation>旋转本页或整份材料以便阅读（不改动文件）</translation>
    </message>
    <message>
        <source>Select region</source>
        <translation>框选区域</translation>
    </message>
    <message>
        <source>Drag on a page to select a region as evidence</source>
        <translation>在页面上拖动，框选一个区域作为佐证</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Use the whole page shown as evidence</source>
        <translation>将当前整页作为佐证</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>({number} of {count})</source>
        <translation>（{number}/{count}）</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Open a review package…</source>
        <translation>打开评审包…</translation>
    </message>
    <message>
        <source>Export my public identity…</source>
        <translation>导出我的公开身份…</translation>
    </message>
    <message>
        <source>Create my signing identity…</source>
        <translation>创建我的签名身份…</translation>
    </message>
    <message>
        <source>Welcome to ReviewDesk</source>
        <translation>欢迎使用评审台</translation>
    </message>
    <message>
        <source>First create your signing identity. Then export your public identity file and give it to the bureau, which enrols you in the round.</source>
        <translation>请先创建签名身份，再导出公开身份文件交给区人力资源局，由其将您登记到评审轮次中。</translation>
    </message>
    <message>
        <source>No review round in this workspace yet. Open the package the bureau gave you, or drag the .rvpkg file into this window.

Your fingerprint: {fingerprint}</source>
        <translation>本工作区还没有评审轮次。请打开区人力资源局提供的评审包，或将 .rvpkg 文件拖入本窗口。

您的指纹：{fingerprint}</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>签名…</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>修订…</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>移除佐证</translation>
    </message>
    <message>
        <source>Score {code}</source>
        <translation>评分 {code}</translation>
    </message>
    <message>
        <source>Comment {code}</source>
        <translation>评语 {code}</translation>
    </message>
    <message>
        <source>Veto {code}</source>
        <translation>否决项 {code}</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>综合意见</translation>
    </message>
    <message>
        <source>revision {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <source>{n} to do</source>
        <translation>待办 {n} 项</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Photo caption</source>
        <translation>照片说明</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Click into the item the evidence is for, then link it.</source>
        <translation>请先点击该佐证对应的指标，再进行关联。</translation>
    </message>
    <message>
        <source>Link evidence to {code}</source>
        <translation>关联佐证到 {code}</translation>
    </message>
</context>
</TS>
